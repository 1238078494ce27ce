package io.lazarus.core.time;

import java.time.Duration;

/** Waits between polls and retries; tests pass one that does not really sleep. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  static Sleeper system() {
    return duration -> Thread.sleep(duration);
  }
}
