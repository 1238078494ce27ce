package io.lazarus.director.templates;

import io.lazarus.director.releases.JobSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A job as it is rendered: its spec, the release it comes from, its {@code monit} file and the ERB source of every
 * template the spec lists, keyed by the spec's source name ({@code ctl.erb} for {@code templates/ctl.erb}).
 */
public record JobTemplates(JobSpec spec, ReleaseRef release, String monit, Map<String, String> sources) {
  public static final String MONIT = "monit";
  public static final String TEMPLATES_DIR = "templates";

  /** @throws IllegalArgumentException if a template the spec lists has no source */
  public JobTemplates {
    Objects.requireNonNull(spec, "job spec");
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(monit, "monit");
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    for (String src : spec.templates().keySet()) {
      if (!sources.containsKey(src)) {
        throw new IllegalArgumentException("Job '" + spec.name() + "' lists template '" + src + "' but has no source for it");
      }
    }
  }

  /**
   * Reads {@code monit} and {@code templates/<src>} of every listed template from an unpacked job directory.
   *
   * @throws IllegalArgumentException if a listed template lies outside {@code templates/}, is a link or is missing
   * @throws UncheckedIOException if a file cannot be read
   */
  public static JobTemplates read(JobSpec spec, ReleaseRef release, Path jobDir) {
    Path templatesDir = jobDir.resolve(TEMPLATES_DIR).normalize();
    Map<String, String> sources = new LinkedHashMap<>();
    for (String src : spec.templates().keySet()) {
      Path file = templatesDir.resolve(src).normalize();
      if (!file.startsWith(templatesDir) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new IllegalArgumentException("Job '" + spec.name() + "' lists template '" + src + "' but " + TEMPLATES_DIR + "/" + src + " is not a file in the job");
      }
      sources.put(src, readUtf8(file));
    }
    return new JobTemplates(spec, release, readUtf8(jobDir.resolve(MONIT)), sources);
  }

  private static String readUtf8(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read job file " + file, e);
    }
  }
}
