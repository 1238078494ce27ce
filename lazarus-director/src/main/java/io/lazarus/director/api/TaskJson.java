package io.lazarus.director.api;

import io.lazarus.director.tasks.Task;
import java.util.LinkedHashMap;
import java.util.Map;

/** BOSH's task JSON (tasks_controller.rb): times in epoch seconds, {@code timestamp} is the finish time. */
public final class TaskJson {
  private TaskJson() {}

  public static Map<String, Object> of(Task task) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", task.id());
    json.put("state", task.state().wire());
    json.put("description", task.description());
    json.put("timestamp", task.finishedAt() == null ? null : task.finishedAt() / 1000);
    json.put("started_at", task.startedAt() == null ? null : task.startedAt() / 1000);
    json.put("result", task.result());
    json.put("user", task.username() == null ? "admin" : task.username());
    json.put("deployment", task.deploymentName());
    json.put("context_id", task.contextId());
    return json;
  }
}
