package io.lazarus.director.releases;

import java.util.List;

/** Rows of the release tables, as {@link Releases} reads them. */
public final class ReleaseRows {
  private ReleaseRows() {}

  /** A release. */
  public record ReleaseRow(long id, String name) {}

  /** A version of a release. */
  public record VersionRow(long id, long releaseId, String version, String commitHash, boolean uncommittedChanges) {}

  /** A source package; shared by the versions of one release that list the same name and version. */
  public record PackageRow(long id, long releaseId, String name, String version, String fingerprint, String sha1, String blobstoreId, List<String> dependencies) {}

  /** A job; {@code spec} is its job.MF as JSON. */
  public record JobRow(long id, long releaseId, String name, String version, String fingerprint, String sha1, String blobstoreId, String spec) {}
}
