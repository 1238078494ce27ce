package io.lazarus.cli.api;

import java.util.List;

/** {@code GET /releases/:name/versions/:version}, as read by {@code inspect-release}. */
public record ReleaseVersionDetails(List<Job> jobs, List<Package> packages) {
  public record Job(String name, String fingerprint, String blobstoreId, String sha1) {}

  public record Package(
      String name, String version, String fingerprint, String blobstoreId, String sha1,
      List<CompiledPackage> compiledPackages) {}

  public record CompiledPackage(String stemcell, String blobstoreId, String sha1) {}
}
