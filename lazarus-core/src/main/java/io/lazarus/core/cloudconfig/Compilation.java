package io.lazarus.core.cloudconfig;

import java.util.Map;
import java.util.Optional;

/**
 * Where packages are compiled: {@code workers} VMs on {@code network} in {@code az}, shaped by a {@code vm_type} or
 * by inline {@code cloud_properties} (exactly one of the two).
 */
public record Compilation(
    int workers,
    String network,
    Optional<String> az,
    Optional<String> vmType,
    Map<String, Object> cloudProperties,
    boolean reuseCompilationVms,
    Map<String, Object> env) {}
