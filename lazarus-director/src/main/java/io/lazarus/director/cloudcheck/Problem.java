package io.lazarus.director.cloudcheck;

import java.util.Map;

/**
 * A problem cloud check found: its {@code type} (e.g. {@code missing_vm}), the resource it is about (an instance's
 * id for VM problems, a persistent disk's id for disk problems), details, and its state ({@code open}, {@code closed}
 * by a new scan, {@code resolved}).
 */
public record Problem(long id, long deploymentId, String type, long resourceId, Map<String, Object> data, String state, int counter, String instanceGroup) {
  public static final String OPEN = "open";
  public static final String CLOSED = "closed";
  public static final String RESOLVED = "resolved";

  public boolean open() {
    return OPEN.equals(state);
  }
}
