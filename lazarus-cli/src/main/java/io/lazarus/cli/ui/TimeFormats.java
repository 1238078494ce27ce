package io.lazarus.cli.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The bosh CLI's time formats: Go's {@code Mon Jan _2 15:04:05 UTC 2006}, {@code 15:04:05} and {@code HH:MM:SS}. */
public final class TimeFormats {
  private static final DateTimeFormatter FULL =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss 'UTC' yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HOURS =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private TimeFormats() {}

  public static String full(Instant time) {
    return FULL.format(time);
  }

  public static String hours(Instant time) {
    return HOURS.format(time);
  }

  /** Hours are not wrapped at 24, as in the bosh CLI. */
  public static String duration(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    return String.format("%02d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
  }
}
