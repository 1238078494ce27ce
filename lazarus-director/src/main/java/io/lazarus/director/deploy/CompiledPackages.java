package io.lazarus.director.deploy;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The compiled_packages table: a package compiled for one stemcell (os and version) against particular compiled
 * dependencies, so a later deploy on the same stemcell reuses it. Thread-safe.
 */
public final class CompiledPackages {
  private final Jdbi jdbi;
  private final Clock clock;

  public CompiledPackages(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** A compiled package's blob. */
  public record CompiledPackage(String blobstoreId, String sha1) {}

  public Optional<CompiledPackage> find(long packageId, String os, String version, String dependencyKey) {
    return jdbi.withHandle(handle -> handle.createQuery(
            "SELECT blobstore_id, sha1 FROM compiled_packages WHERE package_id = :p AND stemcell_os = :os AND stemcell_version = :v AND dependency_key = :k")
        .bind("p", packageId)
        .bind("os", os)
        .bind("v", version)
        .bind("k", dependencyKey)
        .map((rs, ctx) -> new CompiledPackage(rs.getString("blobstore_id"), rs.getString("sha1")))
        .findOne());
  }

  public void save(long packageId, String os, String version, String dependencyKey, CompiledPackage compiled) {
    jdbi.useHandle(handle -> handle.createUpdate(
            "INSERT INTO compiled_packages (package_id, stemcell_os, stemcell_version, dependency_key, blobstore_id, sha1, created_at) VALUES (:p, :os, :v, :k, :b, :s, :now)")
        .bind("p", packageId)
        .bind("os", os)
        .bind("v", version)
        .bind("k", dependencyKey)
        .bind("b", compiled.blobstoreId())
        .bind("s", compiled.sha1())
        .bind("now", clock.millis())
        .execute());
  }

  /**
   * Forgets every package compiled for the stemcell {@code os}/{@code version} and returns their blobs, for the
   * caller to delete from the blobstore once the rows are gone.
   */
  public List<String> deleteForStemcell(String os, String version) {
    return jdbi.inTransaction(handle -> {
      List<String> blobs = handle.createQuery("SELECT blobstore_id FROM compiled_packages WHERE stemcell_os = :os AND stemcell_version = :v")
          .bind("os", os)
          .bind("v", version)
          .mapTo(String.class)
          .list();
      handle.createUpdate("DELETE FROM compiled_packages WHERE stemcell_os = :os AND stemcell_version = :v").bind("os", os).bind("v", version).execute();
      return blobs;
    });
  }
}
