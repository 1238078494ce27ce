package io.lazarus.cli.commands.config;

import io.lazarus.cli.ui.TimeFormats;
import java.time.Instant;

/** A config's {@code created_at}: epoch seconds are shown in the CLI's time format, text as the Director wrote it. */
final class ConfigTimes {
  private ConfigTimes() {}

  static String shown(Object createdAt) {
    if (createdAt instanceof Number seconds) {
      return TimeFormats.full(Instant.ofEpochSecond(seconds.longValue()));
    }
    return createdAt == null ? "" : createdAt.toString();
  }
}
