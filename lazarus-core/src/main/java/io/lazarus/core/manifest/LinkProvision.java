package io.lazarus.core.manifest;

import java.util.Optional;

/**
 * How the manifest adjusts one link a job provides: renamed with {@code as}, offered to other deployments with
 * {@code shared}, or withdrawn with {@code nil} ({@code blocked}).
 */
public record LinkProvision(String name, boolean blocked, Optional<String> as, boolean shared, String path) {}
