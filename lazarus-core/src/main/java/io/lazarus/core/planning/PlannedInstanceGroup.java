package io.lazarus.core.planning;

import io.lazarus.core.manifest.Lifecycle;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An instance group ready to deploy. {@code vmCloudProperties} are the vm_type's merged with each listed
 * vm_extension's, later extensions winning.
 */
public record PlannedInstanceGroup(
    String name,
    Lifecycle lifecycle,
    ResolvedUpdate update,
    String vmType,
    List<String> vmExtensions,
    Map<String, Object> vmCloudProperties,
    ResolvedStemcell stemcell,
    Optional<PlannedDisk> persistentDisk,
    Map<String, Object> env,
    List<PlannedJob> jobs,
    List<PlannedInstance> instances) {}
