package io.lazarus.director.deployments;

import io.lazarus.core.json.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import tools.jackson.core.type.TypeReference;

/**
 * The deployments table and its links to release versions and stemcells, which make those "in use". The deployer
 * saves a deployment after a successful deploy; stemcell and release deletion ask who uses what. Thread-safe.
 */
public final class Deployments {
  private static final Comparator<NameVersion> BY_NAME_VERSION = Comparator.comparing(NameVersion::name).thenComparing(NameVersion::version);

  private final Jdbi jdbi;
  private final Clock clock;

  public Deployments(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Creates the deployment or replaces its manifest and links, in one transaction.
   *
   * @param releaseVersionIds rows of {@code release_versions} the manifest uses
   * @param stemcellIds rows of {@code stemcells} the manifest uses
   * @param cloudConfigIds the cloud configs it was deployed with (empty: none)
   */
  public Deployment save(String name, String manifest, Collection<Long> releaseVersionIds, Collection<Long> stemcellIds, Collection<Long> cloudConfigIds) {
    jdbi.useTransaction(
        handle -> {
          Optional<Long> existing = idOf(handle, name);
          long id;
          if (existing.isPresent()) {
            id = existing.get();
            handle.createUpdate("UPDATE deployments SET manifest = :manifest, cloud_config_ids = :configs WHERE id = :id")
                .bind("manifest", manifest)
                .bind("configs", Json.write(List.copyOf(cloudConfigIds)))
                .bind("id", id)
                .execute();
            unlink(handle, id);
          } else {
            id =
                handle
                    .createUpdate("INSERT INTO deployments (name, manifest, cloud_config_ids, created_at) VALUES (:name, :manifest, :configs, :now)")
                    .bind("name", name)
                    .bind("manifest", manifest)
                    .bind("configs", Json.write(List.copyOf(cloudConfigIds)))
                    .bind("now", clock.millis())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
          }
          for (long releaseVersionId : Set.copyOf(releaseVersionIds)) {
            handle.createUpdate("INSERT INTO deployments_release_versions (deployment_id, release_version_id) VALUES (:d, :rv)")
                .bind("d", id)
                .bind("rv", releaseVersionId)
                .execute();
          }
          for (long stemcellId : Set.copyOf(stemcellIds)) {
            handle.createUpdate("INSERT INTO deployments_stemcells (deployment_id, stemcell_id) VALUES (:d, :s)").bind("d", id).bind("s", stemcellId).execute();
          }
        });
    return find(name).orElseThrow();
  }

  public Optional<Deployment> find(String name) {
    return jdbi.withHandle(
        handle -> handle.createQuery("SELECT id, name, manifest, teams, cloud_config_ids FROM deployments WHERE name = :name").bind("name", name).map((rs, ctx) -> row(handle, rs)).findOne());
  }

  /** All deployments, sorted by name. */
  public List<Deployment> list() {
    return jdbi.withHandle(
        handle -> handle.createQuery("SELECT id, name, manifest, teams, cloud_config_ids FROM deployments ORDER BY name").map((rs, ctx) -> row(handle, rs)).list());
  }

  /** Deletes the deployment and its links; false when there was none. */
  public boolean delete(String name) {
    return jdbi.inTransaction(
        handle -> {
          Optional<Long> id = idOf(handle, name);
          if (id.isEmpty()) {
            return false;
          }
          unlink(handle, id.get());
          handle.createUpdate("DELETE FROM deployments WHERE id = :id").bind("id", id.get()).execute();
          return true;
        });
  }

  /** Names of the deployments using the stemcell row, sorted. */
  public List<String> usingStemcell(long stemcellId) {
    return names("SELECT d.name FROM deployments d JOIN deployments_stemcells ds ON ds.deployment_id = d.id WHERE ds.stemcell_id = :id ORDER BY d.name", stemcellId);
  }

  /** Names of the deployments using the release version row, sorted. */
  public List<String> usingReleaseVersion(long releaseVersionId) {
    return names(
        "SELECT d.name FROM deployments d JOIN deployments_release_versions drv ON drv.deployment_id = d.id WHERE drv.release_version_id = :id ORDER BY d.name",
        releaseVersionId);
  }

  /** Names of the deployments using any version of the release row, sorted. */
  public List<String> usingRelease(long releaseId) {
    return names(
        "SELECT DISTINCT d.name FROM deployments d JOIN deployments_release_versions drv ON drv.deployment_id = d.id"
            + " JOIN release_versions rv ON rv.id = drv.release_version_id WHERE rv.release_id = :id ORDER BY d.name",
        releaseId);
  }

  private List<String> names(String sql, long id) {
    return jdbi.withHandle(handle -> handle.createQuery(sql).bind("id", id).mapTo(String.class).list());
  }

  private static Optional<Long> idOf(Handle handle, String name) {
    return handle.createQuery("SELECT id FROM deployments WHERE name = :name").bind("name", name).mapTo(Long.class).findOne();
  }

  private static void unlink(Handle handle, long id) {
    handle.createUpdate("DELETE FROM deployments_release_versions WHERE deployment_id = :id").bind("id", id).execute();
    handle.createUpdate("DELETE FROM deployments_stemcells WHERE deployment_id = :id").bind("id", id).execute();
  }

  private static Deployment row(Handle handle, ResultSet rs) throws SQLException {
    long id = rs.getLong("id");
    List<NameVersion> releases =
        handle
            .createQuery(
                "SELECT r.name, rv.version FROM deployments_release_versions drv JOIN release_versions rv ON rv.id = drv.release_version_id"
                    + " JOIN releases r ON r.id = rv.release_id WHERE drv.deployment_id = :id")
            .bind("id", id)
            .map((r, c) -> new NameVersion(r.getString("name"), r.getString("version")))
            .list();
    List<NameVersion> stemcells =
        handle
            .createQuery("SELECT s.name, s.version FROM deployments_stemcells ds JOIN stemcells s ON s.id = ds.stemcell_id WHERE ds.deployment_id = :id")
            .bind("id", id)
            .map((r, c) -> new NameVersion(r.getString("name"), r.getString("version")))
            .list();
    return new Deployment(
        id,
        rs.getString("name"),
        rs.getString("manifest"),
        Json.mapper().readValue(rs.getString("teams"), new TypeReference<List<String>>() {}),
        Json.mapper().readValue(rs.getString("cloud_config_ids"), new TypeReference<List<Long>>() {}),
        releases.stream().sorted(BY_NAME_VERSION).toList(),
        stemcells.stream().distinct().sorted(BY_NAME_VERSION).toList()); // a stemcell is one row per CPI
  }
}
