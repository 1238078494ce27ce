package io.lazarus.monitor.resurrector;

import java.time.Instant;
import java.util.Set;

/**
 * A scan_and_fix requested for an instance and not yet judged: task {@code taskId}, asked at {@code requestedAt},
 * the instance must be back by {@code deadline}. {@code taskState} is the task's last known state (null until polled).
 */
public record PendingVerification(long taskId, Instant requestedAt, Instant deadline, String taskState, Instant polledAt) {
  private static final Set<String> FAILED = Set.of("error", "cancelled", "timeout");
  private static final Set<String> ENDED = Set.of("done", "error", "cancelled", "timeout");

  public boolean taskEnded() {
    return taskState != null && ENDED.contains(taskState);
  }

  public boolean taskFailed() {
    return taskState != null && FAILED.contains(taskState);
  }

  public PendingVerification polled(String state, Instant at) {
    return new PendingVerification(taskId, requestedAt, deadline, state, at);
  }
}
