package io.lazarus.core.planning;

import java.util.Map;
import java.util.Optional;

/** An instance group's persistent disk: its size, and the disk type it came from with that type's cloud properties. */
public record PlannedDisk(long sizeMb, Optional<String> diskType, Map<String, Object> cloudProperties) {}
