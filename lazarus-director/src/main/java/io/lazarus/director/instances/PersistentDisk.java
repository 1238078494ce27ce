package io.lazarus.director.instances;

import java.util.Map;

/**
 * A persistent disk of an instance; {@code active} is false for a new disk not yet switched to (during migration).
 * {@code cpi} names the CPI that made it (empty for disks made before CPIs had names: the Director's own).
 */
public record PersistentDisk(long id, long instanceId, String cid, int sizeMb, Map<String, Object> cloudProperties, boolean active, String cpi) {}
