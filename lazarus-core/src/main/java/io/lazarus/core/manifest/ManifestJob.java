package io.lazarus.core.manifest;

import java.util.List;
import java.util.Map;

/**
 * A release job placed on an instance group, with the manifest's {@code properties}, {@code consumes} and
 * {@code provides} for it. {@code path} is where it was written ({@code instance_groups[0].jobs[1]}).
 */
public record ManifestJob(
    String name,
    String release,
    Map<String, Object> properties,
    Map<String, LinkConsumption> consumes,
    Map<String, LinkProvision> provides,
    List<CustomProviderDefinition> customProviderDefinitions,
    String path) {}
