package io.lazarus.director.cloudcheck;

import io.lazarus.cpi.CpiErrors;
import io.lazarus.cpi.CpiException;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.PersistentDisk;
import io.lazarus.director.instances.Vm;
import io.lazarus.director.tasks.EventLog;
import io.lazarus.director.tasks.TaskContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * BOSH's disk scan stage (full cloud check only): every persistent disk of the not-ignored instances must exist in
 * the cloud, be active, and be mounted on exactly its instance's VM as the VM scan saw it.
 */
final class DiskScan {
  private final CloudCheckServices services;

  DiskScan(CloudCheckServices services) {
    this.services = services;
  }

  private record Owned(Instance instance, PersistentDisk disk) {}

  void scan(long deploymentId, List<Instance> instances, DiskOwners owners, TaskContext ctx) throws Exception {
    List<Owned> disks = new ArrayList<>();
    for (Instance instance : instances) {
      if (!instance.ignored()) {
        services.disks().forInstance(instance.id()).forEach(disk -> disks.add(new Owned(instance, disk)));
      }
    }
    EventLog.Stage stage = ctx.events().stage("Scanning " + disks.size() + " persistent disks", 2, List.of());
    int[] counts = stage.track("Looking for inactive disks", () -> check(deploymentId, disks, owners));
    stage.track(counts[0] + " OK, " + counts[1] + " missing, " + counts[2] + " inactive, " + counts[3] + " mount-info mismatch", () -> null);
  }

  /** Registers each disk's problem; returns the counts ok, missing, inactive, mismatched. */
  private int[] check(long deploymentId, List<Owned> disks, DiskOwners owners) throws CpiException {
    int[] counts = new int[4];
    for (Owned owned : disks) {
      PersistentDisk disk = owned.disk();
      String group = owned.instance().group();
      if (!exists(disk)) {
        services.problems().register(deploymentId, ProblemTypes.MISSING_DISK, disk.id(), Map.of(), group);
        counts[1]++;
        continue;
      }
      if (!disk.active()) {
        services.problems().register(deploymentId, ProblemTypes.INACTIVE_DISK, disk.id(), Map.of(), group);
        counts[2]++;
        continue;
      }
      Optional<String> vmCid = services.vms().activeFor(owned.instance().id()).map(Vm::cid);
      List<String> seenOn = owners.of(disk.cid());
      if (vmCid.isEmpty() || seenOn.equals(List.of(vmCid.get()))) {
        counts[0]++;
      } else {
        services.problems().register(deploymentId, ProblemTypes.MOUNT_INFO_MISMATCH, disk.id(), Map.of("owner_vms", seenOn), group);
        counts[3]++;
      }
    }
    return counts;
  }

  /** has_disk of the CPI that made the disk; a CPI without it cannot tell a missing disk, as BOSH skips the check then. */
  private boolean exists(PersistentDisk disk) throws CpiException {
    try {
      return services.cpis().forDisk(disk).hasDisk(disk.cid());
    } catch (CpiException e) {
      if (CpiErrors.NOT_IMPLEMENTED.equals(e.type())) {
        return true;
      }
      throw e;
    }
  }
}
