package io.lazarus.cpi.local.vm;

import java.time.Instant;
import java.util.Map;

/** What the local cloud knows of one persistent disk, kept next to its directory in {@code disks/<cid>.json}. */
public record DiskRecord(String cid, int sizeMb, Map<String, Object> cloudProperties, Instant createdAt) {
  public DiskRecord {
    cloudProperties = cloudProperties == null ? Map.of() : cloudProperties;
  }
}
