package io.lazarus.core.manifest;

import java.util.Optional;

/** A release the deployment uses; {@code version} may be {@code latest}, resolved by the planner. */
public record ReleaseRef(String name, String version, Optional<String> url, Optional<String> sha1) {
  public boolean isLatest() {
    return "latest".equals(version);
  }
}
