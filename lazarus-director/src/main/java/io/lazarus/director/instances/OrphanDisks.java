package io.lazarus.director.instances;

import io.lazarus.core.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import tools.jackson.core.type.TypeReference;

/**
 * Disks of deleted instances, kept (as BOSH keeps them, for {@code bosh disks --orphaned} and {@code attach-disk})
 * rather than destroyed with their data. Thread-safe.
 */
public final class OrphanDisks {
  private final Jdbi jdbi;
  private final Clock clock;

  public OrphanDisks(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  private static final String COLUMNS = "disk_cid, size_mb, deployment_name, instance_name, az, cloud_properties, cpi, created_at";

  /**
   * An orphaned disk, where it came from, and the CPI that made it ({@code cpi}; empty for disks orphaned before CPIs
   * had names: the Director's own).
   */
  public record OrphanDisk(String cid, int sizeMb, String deployment, String instance, String az, Map<String, Object> cloudProperties, String cpi, Instant orphanedAt) {}

  /** Moves {@code disk} from its instance to the orphans (remembering its CPI), in one transaction. */
  public void orphan(PersistentDisk disk, String deployment, Instance instance) {
    jdbi.useTransaction(handle -> {
      handle.createUpdate("INSERT INTO orphan_disks (disk_cid, size_mb, deployment_name, instance_name, az, cloud_properties, cpi, created_at) VALUES (:cid, :size, :d, :i, :az, :cp, :cpi, :now)")
          .bind("cid", disk.cid())
          .bind("size", disk.sizeMb())
          .bind("d", deployment)
          .bind("i", instance.name())
          .bind("az", instance.az())
          .bind("cp", Json.write(disk.cloudProperties()))
          .bind("cpi", disk.cpi())
          .bind("now", clock.millis())
          .execute();
      handle.createUpdate("DELETE FROM persistent_disks WHERE id = :id").bind("id", disk.id()).execute();
    });
  }

  /** Every orphaned disk, oldest first. */
  public List<OrphanDisk> list() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM orphan_disks ORDER BY id").map((rs, ctx) -> row(rs)).list());
  }

  public Optional<OrphanDisk> find(String cid) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM orphan_disks WHERE disk_cid = :cid").bind("cid", cid).map((rs, ctx) -> row(rs)).findOne());
  }

  /** Forgets the orphan {@code cid} (its disk is gone from the cloud). */
  public void delete(String cid) {
    jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM orphan_disks WHERE disk_cid = :cid").bind("cid", cid).execute());
  }

  private static OrphanDisk row(ResultSet rs) throws SQLException {
    return new OrphanDisk(rs.getString("disk_cid"), rs.getInt("size_mb"), rs.getString("deployment_name"), rs.getString("instance_name"), rs.getString("az"),
        Json.mapper().readValue(rs.getString("cloud_properties"), new TypeReference<Map<String, Object>>() {}), rs.getString("cpi"), Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
