package io.lazarus.director.instances;

import java.util.Map;

/** A persistent disk of an instance; {@code active} is false for a new disk not yet switched to (during migration). */
public record PersistentDisk(long id, long instanceId, String cid, int sizeMb, Map<String, Object> cloudProperties, boolean active) {}
