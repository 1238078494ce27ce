package io.lazarus.director.cloudcheck;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Which VMs the VM scan found each persistent disk mounted on; read by the disk scan. Thread-safe. */
final class DiskOwners {
  private final Map<String, List<String>> owners = new ConcurrentHashMap<>();

  void mountedOn(String diskCid, String vmCid) {
    owners.computeIfAbsent(diskCid, cid -> new CopyOnWriteArrayList<>()).add(vmCid);
  }

  List<String> of(String diskCid) {
    return List.copyOf(owners.getOrDefault(diskCid, List.of()));
  }
}
