package io.lazarus.core.manifest;

/**
 * {@code canaries} and {@code max_in_flight}: a number of instances ({@code 2}) or a share of the instance group
 * ({@code "25%"}), resolved per group by {@link #resolve}.
 */
public record CountOrPercent(int value, boolean percent) {
  public CountOrPercent {
    if (value < 0 || (percent && value > 100)) {
      throw new IllegalArgumentException("must be a number of instances (0 or more) or a percentage from 0% to 100%, got " + value + (percent ? "%" : ""));
    }
  }

  public static CountOrPercent count(int value) {
    return new CountOrPercent(value, false);
  }

  public static CountOrPercent percent(int value) {
    return new CountOrPercent(value, true);
  }

  /** Parses {@code "25%"} or {@code "3"}. */
  public static CountOrPercent parse(String text) {
    String trimmed = text.trim();
    boolean percent = trimmed.endsWith("%");
    String digits = percent ? trimmed.substring(0, trimmed.length() - 1).trim() : trimmed;
    if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("expected a number of instances or a percentage such as '25%', got '" + text + "'");
    }
    return new CountOrPercent(Integer.parseInt(digits), percent);
  }

  /**
   * The number of instances for a group of {@code groupSize}: a percentage is rounded to the nearest instance,
   * and never goes below {@code minimum} (1 for {@code max_in_flight}, so an update always makes progress).
   */
  public int resolve(int groupSize, int minimum) {
    int raw = percent ? (int) Math.round(groupSize * value / 100.0) : value;
    return Math.max(raw, minimum);
  }

  @Override
  public String toString() {
    return percent ? value + "%" : String.valueOf(value);
  }
}
