package io.lazarus.cli.commands.disk;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * An orphaned disk's {@code orphaned_at} as the bosh CLI reads it: {@code 2006-01-02 15:04:05 -0700}, the same with
 * a zone name ({@code UTC}), or RFC 3339; empty is no time.
 */
final class OrphanedAt {
  private static final List<DateTimeFormatter> FORMATS = List.of(
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx", Locale.ENGLISH),
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ENGLISH),
      DateTimeFormatter.ISO_OFFSET_DATE_TIME);

  private OrphanedAt() {}

  /** @throws IllegalArgumentException naming the text when no format fits */
  static Instant parse(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    for (DateTimeFormatter format : FORMATS) {
      try {
        return format.parse(text, Instant::from);
      } catch (DateTimeParseException e) {
        // try the next format
      }
    }
    throw new IllegalArgumentException("Converting orphaned at '" + text + "' to time: expected 'YYYY-MM-DD HH:MM:SS -0700', 'YYYY-MM-DD HH:MM:SS UTC' or RFC 3339");
  }
}
