package io.lazarus.cli.commands.instance;

import io.lazarus.cli.Session;
import io.lazarus.cli.client.Query;
import io.lazarus.core.json.Json;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;

/** {@code group/id} as the bosh CLI takes it on the command line ({@code id} is a uuid or an index). */
record InstanceSlug(String group, String id) {

  static InstanceSlug of(String text) {
    int slash = text.indexOf('/');
    if (slash <= 0 || slash == text.length() - 1 || text.indexOf('/', slash + 1) >= 0) {
      throw new IllegalArgumentException("Expected instance to be in format 'name/id', got '" + text + "'");
    }
    return new InstanceSlug(text.substring(0, slash), text.substring(slash + 1));
  }

  void setIgnored(Session session, boolean ignore) {
    String path = "/deployments/" + Query.segment(session.deployment()) + "/instance_groups/" + Query.segment(group) + "/" + Query.segment(id) + "/ignore";
    session.director().send("PUT", path, BodyPublishers.ofString(Json.write(Map.of("ignore", ignore))), "application/json");
  }
}
