package io.lazarus.core.planning;

import io.lazarus.core.network.Ipv4Address;
import java.util.Map;
import java.util.Set;

/**
 * What is already deployed. {@code instances} maps each existing instance of this deployment to its addresses by
 * network name (an empty map for instances on dynamic networks only); the planner keeps those addresses where it
 * can, so a re-deploy does not move IPs. {@code ipsUsedElsewhere} are addresses held by other deployments or by
 * the Director itself, never handed out.
 */
public record ExistingState(Map<InstanceId, Map<String, Ipv4Address>> instances, Set<Ipv4Address> ipsUsedElsewhere) {
  public static final ExistingState NONE = new ExistingState(Map.of(), Set.of());

  public ExistingState {
    Map<InstanceId, Map<String, Ipv4Address>> copy = new java.util.HashMap<>();
    instances.forEach((id, ips) -> copy.put(id, Map.copyOf(ips)));
    instances = Map.copyOf(copy);
    ipsUsedElsewhere = Set.copyOf(ipsUsedElsewhere);
  }
}
