package io.lazarus.core.manifest;

import java.util.Optional;

/** A former instance group (and its az) whose instances this group takes over, keeping their disks. */
public record MigratedFrom(String name, Optional<String> az) {}
