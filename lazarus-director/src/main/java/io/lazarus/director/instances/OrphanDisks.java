package io.lazarus.director.instances;

import io.lazarus.core.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

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

  /** An orphaned disk and where it came from. */
  public record OrphanDisk(String cid, int sizeMb, String deployment, String instance, String az, Instant orphanedAt) {}

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

  public List<OrphanDisk> list() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT disk_cid, size_mb, deployment_name, instance_name, az, created_at FROM orphan_disks ORDER BY id")
        .map((rs, ctx) -> new OrphanDisk(rs.getString("disk_cid"), rs.getInt("size_mb"), rs.getString("deployment_name"), rs.getString("instance_name"), rs.getString("az"), Instant.ofEpochMilli(rs.getLong("created_at"))))
        .list());
  }
}
