package io.lazarus.core.manifest;

import java.util.Optional;

/**
 * A stemcell under an alias that instance groups refer to, chosen by operating system ({@code os}) or by full
 * stemcell name ({@code name}): exactly one of the two is present. {@code version} may be {@code latest}.
 */
public record StemcellRef(String alias, Optional<String> os, Optional<String> name, String version) {
  public boolean isLatest() {
    return "latest".equals(version);
  }

  /** How the stemcell is selected, for messages: {@code os 'ubuntu-jammy'} or {@code name 'bosh-...'}. */
  public String selector() {
    return os.map(o -> "os '" + o + "'").orElseGet(() -> "name '" + name.orElseThrow() + "'");
  }
}
