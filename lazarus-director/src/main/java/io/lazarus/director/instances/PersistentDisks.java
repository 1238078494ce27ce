package io.lazarus.director.instances;

import io.lazarus.core.json.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import tools.jackson.core.type.TypeReference;

/** The persistent_disks table. Thread-safe. */
public final class PersistentDisks {
  private static final String COLUMNS = "id, instance_id, disk_cid, size_mb, cloud_properties, active, cpi";

  private final Jdbi jdbi;
  private final Clock clock;

  public PersistentDisks(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Records a disk that CPI {@code cpi} made. */
  public PersistentDisk create(long instanceId, String cid, int sizeMb, Map<String, Object> cloudProperties, boolean active, String cpi) {
    long id = jdbi.withHandle(handle -> handle.createUpdate(
                "INSERT INTO persistent_disks (instance_id, disk_cid, size_mb, cloud_properties, active, cpi, created_at) VALUES (:i, :cid, :size, :cp, :active, :cpi, :now)")
            .bind("i", instanceId)
            .bind("cid", cid)
            .bind("size", sizeMb)
            .bind("cp", Json.write(cloudProperties))
            .bind("active", active)
            .bind("cpi", cpi)
            .bind("now", clock.millis())
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one());
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM persistent_disks WHERE id = :id").bind("id", id).map((rs, ctx) -> row(rs)).one());
  }

  /** The instance's disks, active first. */
  public List<PersistentDisk> forInstance(long instanceId) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM persistent_disks WHERE instance_id = :i ORDER BY active DESC, id")
        .bind("i", instanceId)
        .map((rs, ctx) -> row(rs))
        .list());
  }

  public Optional<PersistentDisk> find(long id) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM persistent_disks WHERE id = :id").bind("id", id).map((rs, ctx) -> row(rs)).findOne());
  }

  /** The disk of some instance whose cloud ID is {@code cid}, if any. */
  public Optional<PersistentDisk> findByCid(String cid) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM persistent_disks WHERE disk_cid = :cid").bind("cid", cid).map((rs, ctx) -> row(rs)).findOne());
  }

  public void activate(long id) {
    jdbi.useHandle(handle -> handle.createUpdate("UPDATE persistent_disks SET active = TRUE WHERE id = :id").bind("id", id).execute());
  }

  /** Marks the disk inactive, as cloud check does before it lets go of a disk. */
  public void deactivate(long id) {
    jdbi.useHandle(handle -> handle.createUpdate("UPDATE persistent_disks SET active = FALSE WHERE id = :id").bind("id", id).execute());
  }

  public void delete(long id) {
    jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM persistent_disks WHERE id = :id").bind("id", id).execute());
  }

  private static PersistentDisk row(ResultSet rs) throws SQLException {
    return new PersistentDisk(
        rs.getLong("id"),
        rs.getLong("instance_id"),
        rs.getString("disk_cid"),
        rs.getInt("size_mb"),
        Json.mapper().readValue(rs.getString("cloud_properties"), new TypeReference<Map<String, Object>>() {}),
        rs.getBoolean("active"),
        rs.getString("cpi"));
  }
}
