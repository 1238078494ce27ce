package io.lazarus.director.releases;

import java.util.List;

/**
 * What an upload adds to the database, decided before the one transaction that writes it: the version, the new
 * package and job rows (their blobs already in the blobstore), the existing rows it links, and the rows whose blob a
 * {@code fix} upload replaces.
 */
record ReleaseImport(
    ReleaseManifest manifest, String version, List<NewArtifact> newPackages, List<Long> reusedPackageIds, List<NewArtifact> newJobs, List<Long> reusedJobIds, List<BlobSwap> swaps) {

  /** A new package or job row. {@code detail} is the package's dependencies or the job's spec, as JSON. */
  record NewArtifact(String name, String version, String fingerprint, String sha1, String blobstoreId, String detail) {}

  /** A row of {@code packages} or {@code jobs} getting a new blob. */
  record BlobSwap(Table table, long id, String sha1, String blobstoreId) {}

  enum Table {
    PACKAGES,
    JOBS;

    String sql() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
