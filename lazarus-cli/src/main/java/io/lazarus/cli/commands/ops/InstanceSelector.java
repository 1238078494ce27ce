package io.lazarus.cli.commands.ops;

import io.lazarus.cli.client.Query;

/**
 * The bosh CLI's {@code [INSTANCE-GROUP[/INSTANCE-ID]]}: nothing for every instance ({@code *} on the wire), a
 * group, or one instance of it by uuid or index.
 */
record InstanceSelector(String group, String id) {

  static InstanceSelector of(String text) {
    if (text == null || text.isEmpty()) {
      return new InstanceSelector("*", null);
    }
    String[] parts = text.split("/", -1);
    if (parts.length > 2 || parts[0].isEmpty() || (parts.length == 2 && parts[1].isEmpty())) {
      throw new IllegalArgumentException("Expected pool or instance '" + text + "' to be in format 'name' or 'name/id-or-index'");
    }
    return new InstanceSelector(parts[0], parts.length == 2 ? parts[1] : null);
  }

  /** One instance ({@code group/id}), as {@code --no-converge} needs, rather than a group or every instance. */
  boolean oneInstance() {
    return id != null;
  }

  /** {@code /deployments/D/instance_groups/G/ID/actions/A}, for one instance. */
  String actionPath(String deployment, String action) {
    return "/deployments/" + Query.segment(deployment) + "/instance_groups/" + Query.segment(group) + "/" + Query.segment(id) + "/actions/" + action;
  }

  /** {@code /deployments/D/jobs/G[/ID]}. */
  String jobsPath(String deployment) {
    String path = "/deployments/" + Query.segment(deployment) + "/jobs/" + (group.equals("*") ? "*" : Query.segment(group));
    return id == null ? path : path + "/" + Query.segment(id);
  }
}
