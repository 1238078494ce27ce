package io.lazarus.core.manifest;

/**
 * {@code canary_watch_time} and {@code update_watch_time} in milliseconds: the Director waits {@code minMs}, then
 * checks the instance until it is running or {@code maxMs} have passed. A single number {@code n} means
 * {@code n-n}, as in BOSH.
 */
public record WatchTime(long minMs, long maxMs) {
  public WatchTime {
    if (minMs < 0 || maxMs < minMs) {
      throw new IllegalArgumentException("expected milliseconds or a range 'min-max' with min <= max, got " + minMs + "-" + maxMs);
    }
  }

  /** Parses {@code "1000-30000"} or {@code "30000"}. */
  public static WatchTime parse(String text) {
    String[] parts = text.split("-", -1);
    if (parts.length > 2) {
      throw new IllegalArgumentException("expected milliseconds or a range such as '1000-30000', got '" + text + "'");
    }
    long min = millis(parts[0], text);
    return new WatchTime(min, parts.length == 2 ? millis(parts[1], text) : min);
  }

  private static long millis(String part, String text) {
    String trimmed = part.trim();
    if (trimmed.isEmpty() || trimmed.length() > 12 || !trimmed.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("expected milliseconds or a range such as '1000-30000', got '" + text + "'");
    }
    return Long.parseLong(trimmed);
  }

  @Override
  public String toString() {
    return minMs == maxMs ? String.valueOf(minMs) : minMs + "-" + maxMs;
  }
}
