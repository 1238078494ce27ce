package io.lazarus.director.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as BOSH's API writes a Ruby {@code Time#to_s} of a UTC time, e.g. {@code 2026-11-22 10:00:00 UTC}: the shape
 * the bosh CLI parses for configs' {@code created_at} and orphaned disks' {@code orphaned_at}.
 */
public final class RubyTimes {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private RubyTimes() {}

  public static String format(Instant time) {
    return FORMAT.format(time);
  }
}
