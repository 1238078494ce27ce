package io.lazarus.director.templates;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The instance a job is rendered for, as its templates see it in {@code spec}: {@code spec.deployment},
 * {@code spec.name} and {@code spec.job.name} (the instance group), {@code spec.index}, {@code spec.id} (the instance
 * UUID), {@code spec.az}, {@code spec.address} (what other instances use to reach it), {@code spec.ip} (its IP on the
 * default network), {@code spec.bootstrap}, {@code spec.networks} and {@code spec.persistent_disk} (MB, 0 for none).
 * {@code az} may be null, as for an instance group without azs.
 */
public record InstanceSpec(
    String deployment,
    String name,
    int index,
    String id,
    String az,
    String address,
    String ip,
    boolean bootstrap,
    Map<String, NetworkSpec> networks,
    int persistentDiskMb) {
  public InstanceSpec {
    Objects.requireNonNull(deployment, "deployment");
    Objects.requireNonNull(name, "instance group name");
    Objects.requireNonNull(id, "instance id");
    networks = Collections.unmodifiableMap(new LinkedHashMap<>(networks == null ? Map.of() : networks));
  }
}
