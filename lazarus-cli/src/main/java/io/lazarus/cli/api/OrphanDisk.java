package io.lazarus.cli.api;

/**
 * An item of {@code GET /disks}. {@code orphanedAt} is kept as the Director wrote it (BOSH writes a Ruby time,
 * {@code 2016-01-09 06:23:25 UTC} or {@code ... +0000}); {@code size} is in MiB and absent for some old orphans.
 */
public record OrphanDisk(String diskCid, Long size, String deploymentName, String instanceName, String az, String orphanedAt) {}
