package io.lazarus.director.stemcells;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The stemcells table: one row per stemcell and CPI it was created in. Thread-safe. */
public final class Stemcells {
  private static final String COLUMNS = "id, name, version, operating_system, api_version, sha1, cid, cpi";

  private final Jdbi jdbi;
  private final Clock clock;

  public Stemcells(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** The stemcell {@code name/version} as CPI {@code cpi} has it. */
  public Optional<Stemcell> find(String name, String version, String cpi) {
    return jdbi.withHandle(
        handle -> handle.createQuery("SELECT " + COLUMNS + " FROM stemcells WHERE name = :name AND version = :version AND cpi = :cpi")
            .bind("name", name)
            .bind("version", version)
            .bind("cpi", cpi)
            .map((rs, ctx) -> map(rs))
            .findOne());
  }

  /** The rows of {@code name/version}, one per CPI, in upload order. */
  public List<Stemcell> findAll(String name, String version) {
    return jdbi.withHandle(
        handle -> handle.createQuery("SELECT " + COLUMNS + " FROM stemcells WHERE name = :name AND version = :version ORDER BY id")
            .bind("name", name)
            .bind("version", version)
            .map((rs, ctx) -> map(rs))
            .list());
  }

  /** All stemcells, by name then id (upload order). */
  public List<Stemcell> list() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM stemcells ORDER BY name, id").map((rs, ctx) -> map(rs)).list());
  }

  public Stemcell create(StemcellManifest manifest, String cid, String cpi) {
    long id =
        jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "INSERT INTO stemcells (name, version, operating_system, api_version, sha1, cid, cpi, created_at)"
                            + " VALUES (:name, :version, :os, :api, :sha1, :cid, :cpi, :now)")
                    .bind("name", manifest.name())
                    .bind("version", manifest.version())
                    .bind("os", manifest.operatingSystem())
                    .bind("api", manifest.apiVersion())
                    .bind("sha1", manifest.sha1().orElse(""))
                    .bind("cid", cid)
                    .bind("cpi", cpi)
                    .bind("now", clock.millis())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one());
    return new Stemcell(id, manifest.name(), manifest.version(), manifest.operatingSystem(), manifest.apiVersion(), manifest.sha1().orElse(""), cid, cpi);
  }

  /** After a re-upload with {@code fix}: the stemcell's new image and manifest values. */
  public void replace(long id, StemcellManifest manifest, String cid) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate("UPDATE stemcells SET operating_system = :os, api_version = :api, sha1 = :sha1, cid = :cid WHERE id = :id")
                .bind("os", manifest.operatingSystem())
                .bind("api", manifest.apiVersion())
                .bind("sha1", manifest.sha1().orElse(""))
                .bind("cid", cid)
                .bind("id", id)
                .execute());
  }

  /** Deletes the row and any deployment's link to it (a forced delete of a stemcell in use). */
  public void delete(long id) {
    jdbi.useTransaction(
        handle -> {
          handle.createUpdate("DELETE FROM deployments_stemcells WHERE stemcell_id = :id").bind("id", id).execute();
          handle.createUpdate("DELETE FROM stemcells WHERE id = :id").bind("id", id).execute();
        });
  }

  private static Stemcell map(ResultSet rs) throws SQLException {
    return new Stemcell(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("version"),
        rs.getString("operating_system"),
        (Integer) rs.getObject("api_version", Integer.class),
        rs.getString("sha1"),
        rs.getString("cid"),
        rs.getString("cpi"));
  }
}
