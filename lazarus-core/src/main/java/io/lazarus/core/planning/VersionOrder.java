package io.lazarus.core.planning;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Orders release and stemcell versions to resolve {@code latest}: segments split at {@code .}, {@code -} and
 * {@code +} compare numerically when both are numbers, else as text; a version that extends another is newer
 * ({@code 1.2.1 > 1.2}).
 */
final class VersionOrder implements Comparator<String> {
  static final VersionOrder INSTANCE = new VersionOrder();

  private VersionOrder() {}

  static Optional<String> newest(Collection<String> versions) {
    return versions.stream().max(INSTANCE);
  }

  @Override
  public int compare(String a, String b) {
    String[] left = a.split("[.+-]");
    String[] right = b.split("[.+-]");
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      int order = segment(left[i], right[i]);
      if (order != 0) {
        return order;
      }
    }
    return left.length != right.length ? Integer.compare(left.length, right.length) : a.compareTo(b);
  }

  private static int segment(String a, String b) {
    boolean numeric = !a.isEmpty() && !b.isEmpty() && a.length() < 19 && b.length() < 19 && a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit);
    return numeric ? Long.compare(Long.parseLong(a), Long.parseLong(b)) : a.compareTo(b);
  }
}
