package io.lazarus.cpi.dummy;

import java.util.Map;

/** A VM of the dummy cloud: its cid, the IP its agent answers on, the agent, and the metadata last set. */
record DummyVm(String cid, String ip, SimulatedAgent agent, Map<String, String> metadata) {
  DummyVm withMetadata(Map<String, String> replaced) {
    return new DummyVm(cid, ip, agent, Map.copyOf(replaced));
  }
}
