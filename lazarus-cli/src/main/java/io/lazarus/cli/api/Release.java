package io.lazarus.cli.api;

import java.util.List;

/** An item of {@code GET /releases}. */
public record Release(String name, List<Version> releaseVersions) {
  public record Version(String version, String commitHash, boolean uncommittedChanges, boolean currentlyDeployed) {}
}
