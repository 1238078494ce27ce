package io.lazarus.cpi.local;

import io.lazarus.cpi.Network;
import io.lazarus.cpi.VmSpec;
import java.util.List;
import java.util.Map;

/** {@code create_vm} arguments as the Director sends them, for a VM on one loopback IP. */
final class Specs {
  private Specs() {}

  static VmSpec vm(String agentId, String stemcellCid, String ip) {
    Map<String, Object> env = Map.of(
        "bosh", Map.of(
            "mbus", Map.of("user", "mbus", "password", "secret-" + agentId, "port", 6868,
                "cert", Map.of("ca", "CA PEM")),
            "blobstores", List.of(Map.of("provider", "dav", "options", Map.of("endpoint", "https://127.0.0.1:25555")))),
        "lazarus", Map.of("heartbeat", Map.of("url", "https://127.0.0.1:25923", "interval_seconds", 5)));
    return new VmSpec(agentId, stemcellCid, Map.of(), Map.of("default", Network.manual(ip, "255.255.255.0", "127.10.0.1")),
        List.of(), env);
  }
}
