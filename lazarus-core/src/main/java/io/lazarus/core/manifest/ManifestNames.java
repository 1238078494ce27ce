package io.lazarus.core.manifest;

import java.util.regex.Pattern;

/**
 * Name rules. Deployment and instance group names end up in instance names ({@code web/0}), DNS names and
 * directory names, so they are limited to letters, digits, {@code -} and {@code _}; release, job and stemcell
 * alias names follow release.MF's rule (also {@code .} and {@code +}, not first).
 */
final class ManifestNames {
  private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
  private static final Pattern RELEASE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]*");

  private ManifestNames() {}

  /** Null when {@code name} is a valid deployment or instance group name, else the rule it breaks. */
  static String groupNameProblem(String name) {
    return GROUP_NAME.matcher(name).matches() ? null : "'" + name + "' is not a valid name: use letters, digits, '-' and '_', starting with a letter or digit";
  }

  /** Null when {@code name} is a valid release, job or alias name, else the rule it breaks. */
  static String releaseNameProblem(String name) {
    return RELEASE_NAME.matcher(name).matches() ? null : "'" + name + "' is not a valid name: use letters, digits, '_', '-', '.' and '+', not starting with '.', '-' or '+'";
  }
}
