package io.lazarus.director.tasks;

import io.lazarus.core.json.Json;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a task's event output in BOSH's format (event_log.rb): one JSON object per line with the keys
 * {@code time, stage, tags, total, task, index, state, progress[, data]}, and error lines
 * {@code {"time":..,"error":{"code":..,"message":..}}}. The bosh CLI renders these lines.
 */
public final class EventLog {
  private final TaskOutputs outputs;
  private final long taskId;
  private final Clock clock;

  EventLog(TaskOutputs outputs, long taskId, Clock clock) {
    this.outputs = outputs;
    this.taskId = taskId;
    this.clock = clock;
  }

  /** Starts a stage with {@code total} steps. */
  public Stage stage(String name, int total, List<String> tags) {
    return new Stage(name, total, tags);
  }

  /** Starts a stage whose number of steps is not known up front ({@code "total":null}, as BOSH writes it). */
  public Stage stage(String name, List<String> tags) {
    return new Stage(name, null, tags);
  }

  /** Runs {@code step} as the single step of a one-step stage, marking it failed if it throws. */
  public <T> T track(String stage, String task, StepBody<T> step) throws Exception {
    return stage(stage, 1, List.of()).track(task, step);
  }

  public void warning(String message) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("time", clock.instant().getEpochSecond());
    line.put("type", "warning");
    line.put("message", message);
    write(line);
  }

  void error(int code, String message) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("time", clock.instant().getEpochSecond());
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    line.put("error", error);
    write(line);
  }

  private void write(Map<String, Object> line) {
    outputs.append(taskId, OutputType.EVENT, Json.write(line) + "\n");
  }

  /** The body of one tracked step. */
  @FunctionalInterface
  public interface StepBody<T> {
    T run() throws Exception;
  }

  /**
   * One stage: a name, a total, tags; each step gets the next 1-based index. Steps of one stage may run on several
   * threads at once (instances updated in parallel), each writing its own lines.
   */
  public final class Stage {
    private final String name;
    private final Integer total;
    private final List<String> tags;
    private final AtomicInteger nextIndex = new AtomicInteger(1);

    private Stage(String name, Integer total, List<String> tags) {
      this.name = name;
      this.total = total;
      this.tags = List.copyOf(tags);
    }

    public <T> T track(String task, StepBody<T> step) throws Exception {
      int index = nextIndex.getAndIncrement();
      line(task, index, "started", 0, null);
      try {
        T result = step.run();
        line(task, index, "finished", 100, null);
        return result;
      } catch (Exception e) {
        line(task, index, "failed", 100, Map.of("error", String.valueOf(e.getMessage())));
        throw e;
      }
    }

    private void line(String task, int index, String state, int progress, Map<String, Object> data) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("time", clock.instant().getEpochSecond());
      line.put("stage", name);
      line.put("tags", tags);
      line.put("total", total);
      line.put("task", task);
      line.put("index", index);
      line.put("state", state);
      line.put("progress", progress);
      if (data != null) {
        line.put("data", data);
      }
      write(line);
    }
  }
}
