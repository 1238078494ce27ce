package io.lazarus.core.manifest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An instance group as written. At most one of {@code persistentDiskMb} and {@code persistentDiskType} is
 * present; a {@code persistent_disk: 0} reads as no disk. {@code path} is where it was written
 * ({@code instance_groups[1]}).
 */
public record InstanceGroup(
    String name,
    List<String> azs,
    int instances,
    String vmType,
    List<String> vmExtensions,
    String stemcell,
    Optional<Long> persistentDiskMb,
    Optional<String> persistentDiskType,
    List<InstanceGroupNetwork> networks,
    List<ManifestJob> jobs,
    Map<String, Object> properties,
    Optional<UpdatePolicy> update,
    Lifecycle lifecycle,
    Map<String, Object> env,
    List<MigratedFrom> migratedFrom,
    String path) {}
