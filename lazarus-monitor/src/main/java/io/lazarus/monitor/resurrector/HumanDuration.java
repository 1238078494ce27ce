package io.lazarus.monitor.resurrector;

import java.time.Duration;

/** Durations as alert texts show them: {@code 2h 5m}, {@code 30m}, {@code 45s}. */
final class HumanDuration {
  private HumanDuration() {}

  static String of(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    long hours = seconds / 3600;
    long minutes = seconds % 3600 / 60;
    if (hours > 0) {
      return minutes == 0 ? hours + "h" : hours + "h " + minutes + "m";
    }
    if (minutes > 0) {
      return seconds % 60 == 0 ? minutes + "m" : minutes + "m " + seconds % 60 + "s";
    }
    return seconds + "s";
  }
}
