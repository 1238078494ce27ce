package io.lazarus.director.releases;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * An unpacked release whose manifest, archives and digests were checked: the package archives present (a package
 * may be absent when the Director already has its fingerprint), every job archive, and the parsed job specs.
 */
record VerifiedRelease(ReleaseManifest manifest, Map<String, Path> packageArchives, Map<String, Path> jobArchives, Map<String, JobSpec> jobSpecs) {

  Optional<Path> packageArchive(String name) {
    return Optional.ofNullable(packageArchives.get(name));
  }
}
