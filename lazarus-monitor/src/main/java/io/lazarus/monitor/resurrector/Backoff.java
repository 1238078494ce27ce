package io.lazarus.monitor.resurrector;

import java.time.Duration;

/** The wait between scan_and_fix requests for one instance: {@code initial}, doubling per attempt, at most {@code max}. */
public record Backoff(Duration initial, Duration max) {

  /** The wait after the {@code attempts}-th request (1-based) since the instance was last seen back. */
  public Duration delayAfter(int attempts) {
    Duration delay = initial;
    for (int i = 1; i < attempts && delay.compareTo(max) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
