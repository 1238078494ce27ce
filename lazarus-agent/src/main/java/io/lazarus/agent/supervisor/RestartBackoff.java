package io.lazarus.agent.supervisor;

import java.time.Duration;

/**
 * How long to wait before restarting a process that died: {@code initial}, doubling after each failure up to
 * {@code max}, back to {@code initial} once the process had stayed up for {@code stableAfter}. A pure state machine;
 * the caller supplies the time. One thread at a time.
 */
public final class RestartBackoff {
  private final Duration initial;
  private final Duration max;
  private final Duration stableAfter;
  private Duration next;

  public RestartBackoff(Duration initial, Duration max, Duration stableAfter) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("restart backoff needs 0 < initial <= max, got " + initial + " and " + max);
    }
    this.initial = initial;
    this.max = max;
    this.stableAfter = stableAfter;
    this.next = initial;
  }

  /** The delay before the restart that follows a failure of a process that had been up for {@code upFor}. */
  public Duration delayAfterFailure(Duration upFor) {
    if (upFor.compareTo(stableAfter) >= 0) {
      next = initial;
    }
    Duration delay = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
    return delay;
  }

  /** Forgets past failures (an operator or the agent asked for a fresh start). */
  public void reset() {
    next = initial;
  }
}
