package io.lazarus.core.cloudconfig;

import java.util.Map;

/** A persistent disk size (MB) and the cloud properties to create it with. */
public record DiskType(String name, long diskSizeMb, Map<String, Object> cloudProperties) {}
