package io.lazarus.core.planning;

import java.util.Collection;
import java.util.Optional;

/** Small helpers that keep messages consistent: name lists and "did you mean" suggestions. */
final class Wording {
  private static final int MAX_LISTED = 12;

  private Wording() {}

  /** {@code a, b, c}, {@code none}, or the first twelve and how many more. */
  static String list(Collection<String> names) {
    if (names.isEmpty()) {
      return "none";
    }
    String shown = String.join(", ", names.stream().limit(MAX_LISTED).toList());
    return names.size() <= MAX_LISTED ? shown : shown + " and " + (names.size() - MAX_LISTED) + " more";
  }

  /** {@code ; did you mean 'port'?} when a candidate is a likely typo of {@code name}, else an empty string. */
  static String didYouMean(String name, Collection<String> candidates) {
    return closest(name, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
  }

  static Optional<String> closest(String name, Collection<String> candidates) {
    int allowed = Math.max(1, name.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(name, candidate);
      if (distance <= allowed && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Edit distance where swapping two neighbouring letters counts as one edit ({@code prot} to {@code port}). */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** {@code 1 instance}, {@code 2 instances}. */
  static String count(int n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
