package io.lazarus.cli.commands.resurrection;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations written as Go writes them: {@code 2h}, {@code 90m}, {@code 1h30m}, {@code 45s}. */
final class PauseDuration {
  private static final Pattern WHOLE = Pattern.compile("(\\d+[hms])+");
  private static final Pattern PART = Pattern.compile("(\\d+)([hms])");

  private PauseDuration() {}

  static Duration parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "Expected a duration like 2h, 90m or 1h30m, got '" + text + "'");
    }
    Duration total = Duration.ZERO;
    Matcher part = PART.matcher(text);
    while (part.find()) {
      long amount = Long.parseLong(part.group(1));
      total = total.plus(switch (part.group(2)) {
        case "h" -> Duration.ofHours(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofSeconds(amount);
      });
    }
    if (total.isZero()) {
      throw new IllegalArgumentException("Expected a duration longer than zero, got '" + text + "'");
    }
    return total;
  }
}
