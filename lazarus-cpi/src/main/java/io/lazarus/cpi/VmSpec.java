package io.lazarus.cpi;

import java.util.List;
import java.util.Map;

/**
 * The arguments of {@code create_vm}: the agent's id, the stemcell to boot, the VM type's cloud properties, the
 * networks with their chosen IPs, the cids of disks the VM will get (a placement hint), and the agent's {@code env}
 * (where the Director puts the agent's credentials: {@code env.bosh.mbus}, {@code env.bosh.blobstores},
 * {@code env.lazarus.heartbeat}).
 */
public record VmSpec(
    String agentId,
    String stemcellCid,
    Map<String, Object> cloudProperties,
    Map<String, Network> networks,
    List<String> diskCids,
    Map<String, Object> env) {

  public VmSpec {
    cloudProperties = cloudProperties == null ? Map.of() : cloudProperties;
    networks = networks == null ? Map.of() : Map.copyOf(networks);
    diskCids = diskCids == null ? List.of() : List.copyOf(diskCids);
    env = env == null ? Map.of() : env;
  }
}
