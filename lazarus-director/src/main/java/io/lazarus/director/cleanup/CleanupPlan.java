package io.lazarus.director.cleanup;

import io.lazarus.director.instances.OrphanDisks.OrphanDisk;
import io.lazarus.director.stemcells.Stemcell;
import java.util.List;

/**
 * What a clean-up removes: unused release versions, unused stemcells (each with every CPI's copy) and, with
 * {@code --all}, orphaned disks. The dry run shows it; the task deletes it.
 */
public record CleanupPlan(List<ReleaseVersions> releases, List<StemcellVersion> stemcells, List<OrphanDisk> orphanDisks) {

  /** Versions of one release to delete, oldest first. */
  public record ReleaseVersions(String name, List<String> versions) {}

  /** One stemcell version to delete, with the copies the CPIs hold. */
  public record StemcellVersion(String name, String version, List<Stemcell> copies) {}

  public int releaseVersionCount() {
    return releases.stream().mapToInt(r -> r.versions().size()).sum();
  }
}
