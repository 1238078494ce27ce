package io.lazarus.cpi;

import java.util.Map;

/** What {@code create_vm} returns in API v2: the VM's cloud id and its networks as the cloud configured them. */
public record CreatedVm(String cid, Map<String, Network> networks) {
  public CreatedVm {
    networks = networks == null ? Map.of() : Map.copyOf(networks);
  }
}
