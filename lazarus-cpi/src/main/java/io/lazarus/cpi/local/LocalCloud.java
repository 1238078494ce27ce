package io.lazarus.cpi.local;

import io.lazarus.cpi.local.vm.CloudLayout;
import io.lazarus.cpi.local.vm.CloudLocks;
import io.lazarus.cpi.local.vm.CloudRecords;
import io.lazarus.cpi.local.vm.DiskRecord;
import io.lazarus.cpi.local.vm.VmRecord;
import io.lazarus.cpi.local.vm.VmTree;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The local cloud's console, over the same root as its {@link LocalCpi}: what runs, and the faults an IaaS can
 * inflict ({@code terminate}, {@code crash}, {@code pause}/{@code resume}), which tests and operators use to see
 * how the Director heals. Thread-safe; it takes the same per-VM locks as the CPI.
 */
public final class LocalCloud {
  private final CloudLayout layout;
  private final CloudRecords records;
  private final CloudLocks locks;
  private final Duration stopGrace;

  public LocalCloud(Path root) {
    this(root, Duration.ofSeconds(5));
  }

  /** @param stopGrace how long {@link #terminate} waits after SIGTERM before SIGKILL */
  public LocalCloud(Path root, Duration stopGrace) {
    this.layout = new CloudLayout(root);
    this.records = new CloudRecords(layout);
    this.locks = new CloudLocks(layout);
    this.stopGrace = stopGrace;
  }

  public Path root() {
    return layout.root();
  }

  /** Every VM of the cloud with its state as its processes show it now. */
  public List<LocalVm> vms() throws IOException {
    List<LocalVm> vms = new ArrayList<>();
    for (VmRecord vm : records.vms()) {
      vms.add(new LocalVm(vm.cid(), vm.agentId(), vm.ips(), vm.mode(), new VmTree(vm).state(), vm.pid(),
          vm.agentPid(), vm.createdAt()));
    }
    return vms;
  }

  /** Every persistent disk and the VM it is attached to. */
  public List<LocalDisk> disks() throws IOException {
    Map<String, String> holders = new HashMap<>();
    for (VmRecord vm : records.vms()) {
      vm.diskCids().forEach(disk -> holders.put(disk, vm.cid()));
    }
    List<LocalDisk> disks = new ArrayList<>();
    for (DiskRecord disk : records.disks()) {
      disks.add(new LocalDisk(disk.cid(), disk.sizeMb(), holders.get(disk.cid()), disk.createdAt()));
    }
    return disks;
  }

  /** Kills the VM's processes and forgets the VM, as an IaaS console's "terminate": {@code has_vm} is false after. */
  public void terminate(String cid) throws IOException {
    VmRecord vm = existing(cid);
    try (CloudLocks.Held lock = locks.acquire(CloudLocks.vm(vm.cid()))) {
      VmRemoval.remove(layout, records, vm.cid(), stopGrace);
    }
  }

  /** SIGKILLs the VM's agent only: the VM stays, its agent falls silent. */
  public void crash(String cid) throws IOException {
    onTree(cid, VmTree::crashAgent);
  }

  /** SIGSTOPs every process of the VM: alive but silent, like a network partition. */
  public void pause(String cid) throws IOException {
    onTree(cid, VmTree::pause);
  }

  /** SIGCONTs every process of the VM. */
  public void resume(String cid) throws IOException {
    onTree(cid, VmTree::resume);
  }

  /**
   * Terminates every VM of the cloud ({@code lazarus down}, and tests cleaning up); returns how many there were.
   * Disks stay.
   */
  public int stopAll() throws IOException {
    List<VmRecord> vms = records.vms();
    for (VmRecord vm : vms) {
      try (CloudLocks.Held lock = locks.acquire(CloudLocks.vm(vm.cid()))) {
        VmRemoval.remove(layout, records, vm.cid(), stopGrace);
      }
    }
    return vms.size();
  }

  private void onTree(String cid, Consumer<VmTree> action) throws IOException {
    VmRecord vm = existing(cid);
    try (CloudLocks.Held lock = locks.acquire(CloudLocks.vm(vm.cid()))) {
      action.accept(new VmTree(existing(cid)));
    }
  }

  private VmRecord existing(String cid) throws IOException {
    return records.vm(cid).orElseThrow(() -> new IllegalArgumentException(
        "no VM '" + cid + "' in the local cloud at " + layout.root()));
  }
}
