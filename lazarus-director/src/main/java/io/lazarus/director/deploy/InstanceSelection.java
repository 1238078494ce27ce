package io.lazarus.director.deploy;

import io.lazarus.core.manifest.DeploymentManifest;
import io.lazarus.core.manifest.InstanceGroup;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.instances.Instance;
import java.util.List;

/**
 * Which instances a request names: {@code *} (every group), a group, or one instance of a group by uuid or index.
 * A group the stored manifest does not have, or an instance the group does not have, is a 404 with BOSH's wording.
 */
record InstanceSelection(String deployment, String group, String instance) {
  static final String ALL = "*";

  /** The selected groups, in the manifest's order. */
  List<InstanceGroup> groups(DeploymentManifest manifest) {
    if (group.equals(ALL)) {
      return manifest.instanceGroups();
    }
    return List.of(manifest.instanceGroup(group).orElseThrow(() -> groupNotFound(deployment, group)));
  }

  /** The selected instances of {@code groupName} among {@code all}, by index. */
  List<Instance> instancesOf(String groupName, List<Instance> all) {
    List<Instance> selected = all.stream()
        .filter(candidate -> candidate.group().equals(groupName))
        .filter(candidate -> instance == null || candidate.uuid().equals(instance) || String.valueOf(candidate.index()).equals(instance))
        .toList();
    if (instance != null && selected.isEmpty()) {
      throw instanceNotFound(deployment, groupName, instance);
    }
    return selected;
  }

  static DirectorException groupNotFound(String deployment, String group) {
    return new DirectorException(ErrorCode.INSTANCE_NOT_FOUND, "Instance group '" + group + "' doesn't exist in deployment '" + deployment + "'");
  }

  static DirectorException instanceNotFound(String deployment, String group, String instance) {
    return new DirectorException(ErrorCode.INSTANCE_NOT_FOUND, "'" + deployment + "/" + group + "/" + instance + "' doesn't exist");
  }
}
