package io.lazarus.director.deploy;

import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.instances.Instance;
import java.util.Arrays;
import java.util.List;

/**
 * BOSH's {@code skip_drain} deploy parameter, as the bosh CLI's {@code --skip-drain[=SLUG]} sends it: {@code *} for
 * every instance, else a comma-separated list of instance groups ({@code web}) and instances ({@code web/<uuid>} or
 * {@code web/<index>}) whose drain scripts are not run before they are stopped.
 */
record SkipDrain(boolean all, List<String> slugs) {
  static final SkipDrain NONE = new SkipDrain(false, List.of());

  SkipDrain {
    slugs = List.copyOf(slugs);
  }

  /** Parses the query parameter; null or empty is no skip. */
  static SkipDrain parse(String value) {
    if (value == null || value.isBlank()) {
      return NONE;
    }
    if (value.trim().equals("*")) {
      return new SkipDrain(true, List.of());
    }
    List<String> slugs = Arrays.stream(value.split(",")).map(String::trim).toList();
    for (String slug : slugs) {
      if (slug.isEmpty() || slug.chars().filter(c -> c == '/').count() > 1 || slug.startsWith("/") || slug.endsWith("/")) {
        throw new DirectorException(ErrorCode.VALIDATION_INVALID_VALUE,
            "query parameter 'skip_drain': expected '*' or instance groups and instances ('web', 'web/<id>') separated by commas, got '" + value + "'");
      }
    }
    return new SkipDrain(false, slugs);
  }

  /** The query parameter's value, as it came ({@code null} when nothing is skipped), for the task payload. */
  String asParameter() {
    return all ? "*" : slugs.isEmpty() ? null : String.join(",", slugs);
  }

  boolean appliesTo(Instance instance) {
    return all || slugs.stream().anyMatch(slug -> slug.equals(instance.group())
        || slug.equals(instance.group() + "/" + instance.uuid())
        || slug.equals(instance.group() + "/" + instance.index()));
  }
}
