package io.lazarus.cli.ui;

/**
 * Compares BOSH versions ({@code 1.2.10}, {@code 621.74}, {@code 1+dev.3}) segment by segment, numerically where
 * both segments are numbers. Marks such as a trailing {@code *} take no part in the order.
 */
final class Versions {
  private Versions() {}

  static int compare(String a, String b) {
    String[] left = strip(a).split("[.+-]");
    String[] right = strip(b).split("[.+-]");
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      int order = compareSegment(left[i], right[i]);
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(left.length, right.length);
  }

  private static String strip(String version) {
    return version.replaceAll("[*+]$", "");
  }

  private static int compareSegment(String a, String b) {
    if (a.matches("\\d{1,18}") && b.matches("\\d{1,18}")) {
      return Long.compare(Long.parseLong(a), Long.parseLong(b));
    }
    return a.compareTo(b);
  }
}
