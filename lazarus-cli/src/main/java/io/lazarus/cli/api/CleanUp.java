package io.lazarus.cli.api;

import java.util.List;

/**
 * {@code GET /cleanup/dryrun}: what {@code clean-up} would delete. Lazarus lists releases, stemcells and orphaned
 * disks; the other kinds are BOSH's and read when a BOSH Director sends them.
 */
public record CleanUp(
    List<Release> releases, List<Stemcell> stemcells, List<CompiledPackage> compiledPackages, List<OrphanDisk> orphanedDisks,
    List<OrphanedVm> orphanedVms, List<String> exportedReleases, List<String> dnsBlobs) {

  /** A release and its versions to delete. */
  public record Release(String name, List<String> versions) {}

  /** A compiled package to delete (BOSH's name for the field is {@code package_name}). */
  public record CompiledPackage(String packageName, String stemcellOs, String stemcellVersion) {}

  /** An orphaned VM to delete. */
  public record OrphanedVm(String cid, String deploymentName, String instanceName) {}
}
