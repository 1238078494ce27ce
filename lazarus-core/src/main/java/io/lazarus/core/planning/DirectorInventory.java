package io.lazarus.core.planning;

import java.util.List;

/** What the Director holds that a manifest may refer to: uploaded release versions and stemcells. */
public record DirectorInventory(List<AvailableRelease> releases, List<AvailableStemcell> stemcells) {
  public DirectorInventory {
    releases = List.copyOf(releases);
    stemcells = List.copyOf(stemcells);
  }
}
