package io.lazarus.cli.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of a task's event log: a stage/task progress event, an {@code error}, or a {@code warning}/{@code
 * deprecation} message. Unknown fields are ignored.
 */
public record TaskEvent(
    long time,
    String type,
    String message,
    String state,
    String stage,
    String task,
    List<String> tags,
    Data data,
    Failure error) {

  /** The {@code data} of a failed event. */
  public record Data(String error) {}

  /** The {@code error} of a task that failed as a whole. */
  public record Failure(Integer code, String message) {}

  Instant instant() {
    return Instant.ofEpochSecond(time);
  }

  List<String> tagList() {
    return tags == null ? List.of() : tags;
  }

  /** Same stage, tags and task: the finished or failed event closes the started one. */
  boolean sameStep(TaskEvent other) {
    return stage != null && !stage.isEmpty()
        && stage.equals(other.stage)
        && tagList().equals(other.tagList())
        && Objects.equals(task, other.task);
  }

  /** In-progress ticks are neither printed nor remembered. */
  boolean worthKeeping() {
    return !"in_progress".equals(state);
  }

  String errorText() {
    return data == null || data.error() == null ? "" : data.error();
  }

  Duration since(TaskEvent start) {
    return Duration.between(start.instant(), instant());
  }
}
