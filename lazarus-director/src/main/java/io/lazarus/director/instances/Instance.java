package io.lazarus.director.instances;

import java.util.Optional;

/**
 * An instance of an instance group: its index, its stable uuid, az, desired state ({@code started}, {@code stopped},
 * {@code detached}), whether it is the group's bootstrap instance, whether the Health Monitor and cloud check leave
 * it alone ({@code ignored}), and its last-known full apply spec as JSON.
 */
public record Instance(long id, long deploymentId, String group, int index, String uuid, String az, String state, boolean bootstrap, boolean ignored, Optional<String> spec) {

  /** BOSH's instance name: {@code group/uuid}. */
  public String name() {
    return group + "/" + uuid;
  }
}
