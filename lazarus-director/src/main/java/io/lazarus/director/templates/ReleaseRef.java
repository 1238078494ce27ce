package io.lazarus.director.templates;

import java.util.Objects;

/** The release a job comes from, as its templates see it in {@code spec.release.name} and {@code spec.release.version}. */
public record ReleaseRef(String name, String version) {
  public ReleaseRef {
    Objects.requireNonNull(name, "release name");
    Objects.requireNonNull(version, "release version");
  }
}
