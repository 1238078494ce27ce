package io.lazarus.director.releases;

import io.lazarus.core.json.Json;
import io.lazarus.director.releases.ReleaseImport.BlobSwap;
import io.lazarus.director.releases.ReleaseImport.NewArtifact;
import io.lazarus.director.releases.ReleaseRows.JobRow;
import io.lazarus.director.releases.ReleaseRows.PackageRow;
import io.lazarus.director.releases.ReleaseRows.ReleaseRow;
import io.lazarus.director.releases.ReleaseRows.VersionRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import tools.jackson.core.type.TypeReference;

/**
 * The release tables: releases, their versions, and the package and job rows the versions share. Writes that belong
 * together (an upload, a version delete) run in one transaction. Thread-safe; callers serialize changes to one
 * release with its release lock.
 */
public final class Releases {
  private static final String PACKAGE_COLUMNS = "p.id, p.release_id, p.name, p.version, p.fingerprint, p.sha1, p.blobstore_id, p.dependencies";
  private static final String JOB_COLUMNS = "j.id, j.release_id, j.name, j.version, j.fingerprint, j.sha1, j.blobstore_id, j.spec";

  private final Jdbi jdbi;
  private final Clock clock;

  public Releases(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** All releases, sorted by name. */
  public List<ReleaseRow> list() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT id, name FROM releases ORDER BY name").map((rs, ctx) -> new ReleaseRow(rs.getLong("id"), rs.getString("name"))).list());
  }

  public Optional<Long> releaseId(String name) {
    return jdbi.withHandle(handle -> releaseId(handle, name));
  }

  /** The versions of a release, in semi-semantic order. */
  public List<VersionRow> versions(long releaseId) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT id, release_id, version, commit_hash, uncommitted_changes FROM release_versions WHERE release_id = :id").bind("id", releaseId).map((rs, ctx) -> version(rs)).list())
        .stream()
        .sorted((a, b) -> SemiSemanticVersion.STRING_ORDER.compare(a.version(), b.version()))
        .toList();
  }

  public Optional<VersionRow> version(long releaseId, String version) {
    return versions(releaseId).stream().filter(v -> v.version().equals(version)).findFirst();
  }

  public List<PackageRow> packagesOf(long releaseVersionId) {
    return jdbi.withHandle(
        handle -> handle.createQuery("SELECT " + PACKAGE_COLUMNS + " FROM packages p JOIN release_versions_packages rvp ON rvp.package_id = p.id WHERE rvp.release_version_id = :id ORDER BY p.name")
            .bind("id", releaseVersionId)
            .map((rs, ctx) -> pkg(rs))
            .list());
  }

  public List<JobRow> jobsOf(long releaseVersionId) {
    return jdbi.withHandle(
        handle -> handle.createQuery("SELECT " + JOB_COLUMNS + " FROM jobs j JOIN release_versions_jobs rvj ON rvj.job_id = j.id WHERE rvj.release_version_id = :id ORDER BY j.name")
            .bind("id", releaseVersionId)
            .map((rs, ctx) -> job(rs))
            .list());
  }

  /** Every package row of a release, by name then version. */
  public List<PackageRow> packagesOfRelease(long releaseId) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + PACKAGE_COLUMNS + " FROM packages p WHERE p.release_id = :id ORDER BY p.name, p.id").bind("id", releaseId).map((rs, ctx) -> pkg(rs)).list());
  }

  /** Every job row of a release, by name then version. */
  public List<JobRow> jobsOfRelease(long releaseId) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + JOB_COLUMNS + " FROM jobs j WHERE j.release_id = :id ORDER BY j.name, j.id").bind("id", releaseId).map((rs, ctx) -> job(rs)).list());
  }

  /** The oldest package row of any release with this fingerprint: its blob can stand in for a missing archive. */
  public Optional<PackageRow> packageByFingerprint(String fingerprint) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + PACKAGE_COLUMNS + " FROM packages p WHERE p.fingerprint = :f ORDER BY p.id LIMIT 1").bind("f", fingerprint).map((rs, ctx) -> pkg(rs)).findOne());
  }

  /** Which of {@code fingerprints} the Director has a package blob for ({@code POST /packages/matches}). */
  public Set<String> knownFingerprints(Collection<String> fingerprints) {
    if (fingerprints.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(jdbi.withHandle(handle -> handle.createQuery("SELECT DISTINCT fingerprint FROM packages WHERE fingerprint IN (<f>)").bindList("f", List.copyOf(fingerprints)).mapTo(String.class).list()));
  }

  /** Writes an upload: release and version (created if new), new rows, links and blob swaps, all or nothing. */
  void save(ReleaseImport plan) {
    ReleaseManifest manifest = plan.manifest();
    jdbi.useTransaction(
        handle -> {
          long releaseId = releaseId(handle, manifest.name()).orElseGet(() -> insertRelease(handle, manifest.name()));
          long versionId = versionId(handle, releaseId, plan.version()).orElseGet(() -> insertVersion(handle, releaseId, plan.version(), manifest));
          List<Long> packageIds = new ArrayList<>(plan.reusedPackageIds());
          for (NewArtifact pkg : plan.newPackages()) {
            packageIds.add(insertArtifact(handle, "packages", "dependencies", releaseId, pkg));
          }
          List<Long> jobIds = new ArrayList<>(plan.reusedJobIds());
          for (NewArtifact job : plan.newJobs()) {
            jobIds.add(insertArtifact(handle, "jobs", "spec", releaseId, job));
          }
          link(handle, "release_versions_packages", "package_id", versionId, packageIds);
          link(handle, "release_versions_jobs", "job_id", versionId, jobIds);
          for (BlobSwap swap : plan.swaps()) {
            handle.createUpdate("UPDATE " + swap.table().sql() + " SET sha1 = :sha1, blobstore_id = :blob WHERE id = :id")
                .bind("sha1", swap.sha1())
                .bind("blob", swap.blobstoreId())
                .bind("id", swap.id())
                .execute();
          }
        });
  }

  /**
   * Deletes a version, its links (including deployments' links, for a forced delete), the package and job rows no
   * other version uses, and the release itself when no version is left.
   *
   * @return the rows deleted, whose blobs the caller deletes after this commit
   */
  public Removed deleteVersion(long releaseId, long releaseVersionId) {
    return jdbi.inTransaction(
        handle -> {
          List<Long> packageIds = handle.createQuery("SELECT package_id FROM release_versions_packages WHERE release_version_id = :id").bind("id", releaseVersionId).mapTo(Long.class).list();
          List<Long> jobIds = handle.createQuery("SELECT job_id FROM release_versions_jobs WHERE release_version_id = :id").bind("id", releaseVersionId).mapTo(Long.class).list();
          for (String table : List.of("deployments_release_versions", "release_versions_packages", "release_versions_jobs")) {
            handle.createUpdate("DELETE FROM " + table + " WHERE release_version_id = :id").bind("id", releaseVersionId).execute();
          }
          handle.createUpdate("DELETE FROM release_versions WHERE id = :id").bind("id", releaseVersionId).execute();
          boolean lastVersion = handle.createQuery("SELECT COUNT(*) FROM release_versions WHERE release_id = :id").bind("id", releaseId).mapTo(Long.class).one() == 0;
          List<PackageRow> packages =
              orphans(handle, "packages", PACKAGE_COLUMNS, "release_versions_packages", "package_id", releaseId, packageIds, lastVersion).map((rs, ctx) -> pkg(rs)).list();
          List<JobRow> jobs = orphans(handle, "jobs", JOB_COLUMNS, "release_versions_jobs", "job_id", releaseId, jobIds, lastVersion).map((rs, ctx) -> job(rs)).list();
          List<String> compiledBlobs = compiledBlobs(handle, packages.stream().map(PackageRow::id).toList());
          deleteIds(handle, "packages", packages.stream().map(PackageRow::id).toList());
          deleteIds(handle, "jobs", jobs.stream().map(JobRow::id).toList());
          if (lastVersion) {
            handle.createUpdate("DELETE FROM releases WHERE id = :id").bind("id", releaseId).execute();
          }
          return new Removed(packages, jobs, compiledBlobs, lastVersion);
        });
  }

  /**
   * What {@link #deleteVersion} removed: package and job rows, the blobs of those packages' compiled forms, and
   * whether the release itself went.
   */
  public record Removed(List<PackageRow> packages, List<JobRow> jobs, List<String> compiledBlobs, boolean release) {}

  /** Forgets the compiled forms of packages that are going and returns their blob ids. */
  private static List<String> compiledBlobs(Handle handle, List<Long> packageIds) {
    if (packageIds.isEmpty()) {
      return List.of();
    }
    List<String> blobs = handle.createQuery("SELECT blobstore_id FROM compiled_packages WHERE package_id IN (<ids>)").bindList("ids", packageIds).mapTo(String.class).list();
    handle.createUpdate("DELETE FROM compiled_packages WHERE package_id IN (<ids>)").bindList("ids", packageIds).execute();
    return blobs;
  }

  /** Rows no version links any more: those {@code ids} left unlinked, or all of the release's when it goes. */
  private static Query orphans(Handle handle, String table, String columns, String joinTable, String joinColumn, long releaseId, List<Long> ids, boolean wholeRelease) {
    String alias = table.substring(0, 1);
    String where = wholeRelease ? alias + ".release_id = :release" : alias + ".id IN (<ids>) AND " + alias + ".id NOT IN (SELECT " + joinColumn + " FROM " + joinTable + ")";
    Query query = handle.createQuery("SELECT " + columns + " FROM " + table + " " + alias + " WHERE " + where);
    return wholeRelease ? query.bind("release", releaseId) : query.bindList("ids", ids.isEmpty() ? List.of(-1L) : ids);
  }

  private static void deleteIds(Handle handle, String table, List<Long> ids) {
    if (!ids.isEmpty()) {
      handle.createUpdate("DELETE FROM " + table + " WHERE id IN (<ids>)").bindList("ids", ids).execute();
    }
  }

  private static Optional<Long> releaseId(Handle handle, String name) {
    return handle.createQuery("SELECT id FROM releases WHERE name = :name").bind("name", name).mapTo(Long.class).findOne();
  }

  private static long insertRelease(Handle handle, String name) {
    return handle.createUpdate("INSERT INTO releases (name) VALUES (:name)").bind("name", name).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
  }

  private static Optional<Long> versionId(Handle handle, long releaseId, String version) {
    return handle.createQuery("SELECT id FROM release_versions WHERE release_id = :r AND version = :v").bind("r", releaseId).bind("v", version).mapTo(Long.class).findOne();
  }

  private long insertVersion(Handle handle, long releaseId, String version, ReleaseManifest manifest) {
    return handle
        .createUpdate(
            "INSERT INTO release_versions (release_id, version, commit_hash, uncommitted_changes, manifest, created_at) VALUES (:r, :v, :commit, :uncommitted, :manifest, :now)")
        .bind("r", releaseId)
        .bind("v", version)
        .bind("commit", manifest.commitHash())
        .bind("uncommitted", manifest.uncommittedChanges())
        .bind("manifest", manifest.text())
        .bind("now", clock.millis())
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  private static long insertArtifact(Handle handle, String table, String detailColumn, long releaseId, NewArtifact artifact) {
    return handle
        .createUpdate("INSERT INTO " + table + " (release_id, name, version, fingerprint, sha1, blobstore_id, " + detailColumn + ") VALUES (:r, :name, :version, :fingerprint, :sha1, :blob, :detail)")
        .bind("r", releaseId)
        .bind("name", artifact.name())
        .bind("version", artifact.version())
        .bind("fingerprint", artifact.fingerprint())
        .bind("sha1", artifact.sha1())
        .bind("blob", artifact.blobstoreId())
        .bind("detail", artifact.detail())
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  /** Links the version to each row not yet linked (a re-upload of a version links only what is new). */
  private static void link(Handle handle, String table, String column, long versionId, List<Long> ids) {
    Set<Long> linked = Set.copyOf(handle.createQuery("SELECT " + column + " FROM " + table + " WHERE release_version_id = :v").bind("v", versionId).mapTo(Long.class).list());
    for (long id : Set.copyOf(ids)) {
      if (!linked.contains(id)) {
        handle.createUpdate("INSERT INTO " + table + " (release_version_id, " + column + ") VALUES (:v, :id)").bind("v", versionId).bind("id", id).execute();
      }
    }
  }

  private static VersionRow version(ResultSet rs) throws SQLException {
    return new VersionRow(rs.getLong("id"), rs.getLong("release_id"), rs.getString("version"), rs.getString("commit_hash"), rs.getBoolean("uncommitted_changes"));
  }

  private static PackageRow pkg(ResultSet rs) throws SQLException {
    List<String> dependencies = Json.mapper().readValue(rs.getString("dependencies"), new TypeReference<List<String>>() {});
    return new PackageRow(rs.getLong("id"), rs.getLong("release_id"), rs.getString("name"), rs.getString("version"), rs.getString("fingerprint"), rs.getString("sha1"), rs.getString("blobstore_id"), dependencies);
  }

  private static JobRow job(ResultSet rs) throws SQLException {
    return new JobRow(rs.getLong("id"), rs.getLong("release_id"), rs.getString("name"), rs.getString("version"), rs.getString("fingerprint"), rs.getString("sha1"), rs.getString("blobstore_id"), rs.getString("spec"));
  }
}
