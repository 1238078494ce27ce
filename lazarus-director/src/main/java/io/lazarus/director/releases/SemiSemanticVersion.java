package io.lazarus.director.releases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release version as BOSH's semi_semantic gem reads it: {@code release[-pre_release][+post_release]}, each part
 * dot-separated components, numeric components compared as numbers and before alphanumeric ones. A pre-release
 * sorts before its release, a post-release (e.g. {@code 1+dev.3}) after it. Immutable.
 */
public record SemiSemanticVersion(String text, List<Object> release, List<Object> preRelease, List<Object> postRelease) implements Comparable<SemiSemanticVersion> {
  private static final String SEGMENT = "[0-9A-Za-z_]+(?:\\.[0-9A-Za-z_]+)*";
  private static final String DASHED_SEGMENT = "[0-9A-Za-z_-]+(?:\\.[0-9A-Za-z_-]+)*";
  private static final Pattern VERSION = Pattern.compile("(" + SEGMENT + ")(?:-(" + DASHED_SEGMENT + "))?(?:\\+(" + DASHED_SEGMENT + "))?");
  private static final Pattern DEV = Pattern.compile("dev\\.(\\d+)");

  /** Sorts version strings semi-semantically; strings that do not parse go last, in text order. */
  public static final Comparator<String> STRING_ORDER =
      Comparator.comparing((String v) -> parse(v).orElse(null), Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Comparator.naturalOrder());

  public static Optional<SemiSemanticVersion> parse(String text) {
    Matcher m = VERSION.matcher(text == null ? "" : text);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new SemiSemanticVersion(text, components(m.group(1)), components(m.group(2)), components(m.group(3))));
  }

  private static List<Object> components(String segment) {
    List<Object> components = new ArrayList<>();
    if (segment != null) {
      for (String part : segment.split("\\.")) {
        components.add(part.matches("\\d{1,18}") ? (Object) Long.parseLong(part) : part);
      }
    }
    return List.copyOf(components);
  }

  /**
   * BOSH's rebase: the version after the newest existing dev version of the same release segment
   * ({@code 1+dev.3} → {@code 1+dev.4}), or {@code uploaded} itself when no version shares its segment.
   */
  public static String rebase(SemiSemanticVersion uploaded, Collection<String> existing) {
    Optional<SemiSemanticVersion> latest =
        existing.stream().map(SemiSemanticVersion::parse).flatMap(Optional::stream).filter(v -> v.release().equals(uploaded.release())).max(Comparator.naturalOrder());
    if (latest.isEmpty()) {
      return uploaded.text();
    }
    String base = latest.get().text().replaceFirst("\\+.*$", "");
    Matcher dev = DEV.matcher(latest.get().postRelease().isEmpty() ? "" : latest.get().text().substring(latest.get().text().indexOf('+') + 1));
    return base + "+dev." + (dev.matches() ? Long.parseLong(dev.group(1)) + 1 : 1);
  }

  @Override
  public int compareTo(SemiSemanticVersion other) {
    int byRelease = compareSegments(release, other.release);
    if (byRelease != 0) {
      return byRelease;
    }
    if (preRelease.isEmpty() != other.preRelease.isEmpty()) {
      return preRelease.isEmpty() ? 1 : -1;
    }
    int byPre = compareSegments(preRelease, other.preRelease);
    if (byPre != 0) {
      return byPre;
    }
    return compareSegments(postRelease, other.postRelease);
  }

  private static int compareSegments(List<Object> a, List<Object> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = compareComponents(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareComponents(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (a instanceof Long) {
      return -1;
    }
    if (b instanceof Long) {
      return 1;
    }
    return ((String) a).compareTo((String) b);
  }
}
