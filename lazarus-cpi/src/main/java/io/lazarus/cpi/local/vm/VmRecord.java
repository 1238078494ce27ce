package io.lazarus.cpi.local.vm;

import io.lazarus.cpi.Network;
import io.lazarus.cpi.local.process.ProcessId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the local cloud knows of one VM, kept in {@code vms/<cid>/vm.json}. {@code pid}/{@code startTime} name the
 * VM's first process (its life is the VM's life); {@code agentPid}/{@code agentStartTime} name the agent.
 */
public record VmRecord(
    String cid,
    String agentId,
    String stemcellCid,
    Map<String, Network> networks,
    IsolationMode mode,
    long pid,
    long startTime,
    long agentPid,
    long agentStartTime,
    Map<String, String> metadata,
    List<String> diskCids,
    Instant createdAt) {

  public VmRecord {
    networks = networks == null ? Map.of() : Map.copyOf(networks);
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    diskCids = diskCids == null ? List.of() : List.copyOf(diskCids);
  }

  public ProcessId process() {
    return new ProcessId(pid, startTime);
  }

  public ProcessId agent() {
    return new ProcessId(agentPid, agentStartTime);
  }

  /** The IPs of the VM's networks. */
  public List<String> ips() {
    return networks.values().stream().map(Network::ip).filter(Objects::nonNull).toList();
  }

  public VmRecord withProcesses(ProcessId process, ProcessId agent) {
    return new VmRecord(cid, agentId, stemcellCid, networks, mode, process.pid(), process.startTime(), agent.pid(),
        agent.startTime(), metadata, diskCids, createdAt);
  }

  public VmRecord withMetadata(Map<String, String> newMetadata) {
    return new VmRecord(cid, agentId, stemcellCid, networks, mode, pid, startTime, agentPid, agentStartTime,
        new LinkedHashMap<>(newMetadata), diskCids, createdAt);
  }

  public VmRecord withDisk(String diskCid) {
    List<String> disks = new ArrayList<>(diskCids);
    if (!disks.contains(diskCid)) {
      disks.add(diskCid);
    }
    return withDisks(disks);
  }

  public VmRecord withoutDisk(String diskCid) {
    List<String> disks = new ArrayList<>(diskCids);
    disks.remove(diskCid);
    return withDisks(disks);
  }

  private VmRecord withDisks(List<String> disks) {
    return new VmRecord(cid, agentId, stemcellCid, networks, mode, pid, startTime, agentPid, agentStartTime,
        metadata, disks, createdAt);
  }
}
