package io.lazarus.director.tasks;

import io.lazarus.core.json.Json;
import java.util.Map;

/** What a caller asks to run: the job type, BOSH's description, and the payload its job is rebuilt from. */
public record NewTask(String type, String description, String username, String deploymentName, String contextId, String payload) {

  public static NewTask of(String type, String description, String username, String deploymentName, String contextId, Map<String, ?> payload) {
    return new NewTask(type, description, username, deploymentName, contextId == null ? "" : contextId, Json.write(payload));
  }
}
