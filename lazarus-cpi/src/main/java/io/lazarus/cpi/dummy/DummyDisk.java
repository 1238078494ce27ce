package io.lazarus.cpi.dummy;

import java.util.Map;

/** A persistent disk of the dummy cloud: a record, no storage. {@code attachedTo} is a VM cid or null. */
record DummyDisk(String cid, int sizeMb, Map<String, Object> cloudProperties, String attachedTo) {
  DummyDisk attachedTo(String vmCid) {
    return new DummyDisk(cid, sizeMb, cloudProperties, vmCid);
  }

  /** The v2 disk hint {@code attach_disk} returns and the agent's settings hold. */
  Map<String, Object> hint() {
    return Map.of("path", "/dev/dummy/" + cid);
  }
}
