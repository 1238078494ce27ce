package io.lazarus.director.deploy;

import io.lazarus.cpi.Network;
import io.lazarus.director.instances.Instance;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything an instance should become in this deploy: its VM (stemcell, cloud properties, networks), its
 * persistent disk, and the apply spec its agent gets.
 */
record DesiredInstance(
    Instance instance,
    VmCreator.Stemcell stemcell,
    Map<String, Object> cloudProperties,
    Map<String, Network> networks,
    Optional<Disk> disk,
    Map<String, Object> applySpec,
    String renderedBlobId,
    boolean canary) {

  /** The persistent disk it should have. */
  record Disk(int sizeMb, Map<String, Object> cloudProperties) {}

  /** {@code web/<uuid> (0)}, optionally marked as a canary, as BOSH's event log names an instance. */
  String label() {
    return instance.name() + " (" + instance.index() + ")" + (canary ? " (canary)" : "");
  }

  List<String> networkIps() {
    return networks.values().stream().map(Network::ip).toList();
  }
}
