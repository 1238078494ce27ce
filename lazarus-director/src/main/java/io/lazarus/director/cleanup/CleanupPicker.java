package io.lazarus.director.cleanup;

import io.lazarus.director.cleanup.CleanupPlan.ReleaseVersions;
import io.lazarus.director.cleanup.CleanupPlan.StemcellVersion;
import io.lazarus.director.deployments.Deployments;
import io.lazarus.director.instances.OrphanDisks;
import io.lazarus.director.releases.ReleaseRows.ReleaseRow;
import io.lazarus.director.releases.ReleaseRows.VersionRow;
import io.lazarus.director.releases.Releases;
import io.lazarus.director.releases.SemiSemanticVersion;
import io.lazarus.director.stemcells.Stemcell;
import io.lazarus.director.stemcells.Stemcells;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Picks what BOSH's clean-up removes: of each release and each stemcell name, the unused versions but the two newest
 * (all unused ones with {@code remove_all}); orphaned disks only with {@code remove_all} and without
 * {@code keep_orphaned_disks}. A version any deployment uses is never picked.
 */
public final class CleanupPicker {
  /** BOSH keeps this many unused versions of each release and stemcell unless told to remove all. */
  static final int UNUSED_VERSIONS_KEPT = 2;

  private final Releases releases;
  private final Stemcells stemcells;
  private final Deployments deployments;
  private final OrphanDisks orphans;

  public CleanupPicker(Releases releases, Stemcells stemcells, Deployments deployments, OrphanDisks orphans) {
    this.releases = releases;
    this.stemcells = stemcells;
    this.deployments = deployments;
    this.orphans = orphans;
  }

  public CleanupPlan pick(CleanupOptions options) {
    int keep = options.removeAll() ? 0 : UNUSED_VERSIONS_KEPT;
    return new CleanupPlan(releases(keep), stemcells(keep), options.removeAll() && !options.keepOrphanedDisks() ? orphans.list() : List.of());
  }

  private List<ReleaseVersions> releases(int keep) {
    List<ReleaseVersions> picked = new ArrayList<>();
    for (ReleaseRow release : releases.list()) {
      List<String> unused = releases.versions(release.id()).stream().filter(v -> deployments.usingReleaseVersion(v.id()).isEmpty()).map(VersionRow::version).toList();
      List<String> doomed = oldestBeyond(unused, keep);
      if (!doomed.isEmpty()) {
        picked.add(new ReleaseVersions(release.name(), doomed));
      }
    }
    return picked;
  }

  private List<StemcellVersion> stemcells(int keep) {
    // A stemcell version is one unit across CPIs: used if any copy is, deleted with all its copies.
    Map<String, Map<String, List<Stemcell>>> byName = new TreeMap<>();
    for (Stemcell copy : stemcells.list()) {
      byName.computeIfAbsent(copy.name(), n -> new LinkedHashMap<>()).computeIfAbsent(copy.version(), v -> new ArrayList<>()).add(copy);
    }
    List<StemcellVersion> picked = new ArrayList<>();
    byName.forEach((name, versions) -> {
      List<String> unused = versions.entrySet().stream()
          .filter(e -> e.getValue().stream().allMatch(copy -> deployments.usingStemcell(copy.id()).isEmpty()))
          .map(Map.Entry::getKey)
          .toList();
      oldestBeyond(unused, keep).forEach(version -> picked.add(new StemcellVersion(name, version, versions.get(version))));
    });
    return picked;
  }

  /** The versions but the {@code keep} newest (semi-semantic order), oldest first. */
  static List<String> oldestBeyond(List<String> versions, int keep) {
    List<String> sorted = versions.stream().sorted(SemiSemanticVersion.STRING_ORDER).toList();
    return sorted.subList(0, Math.max(0, sorted.size() - keep));
  }
}
