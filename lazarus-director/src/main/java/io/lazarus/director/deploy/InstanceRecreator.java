package io.lazarus.director.deploy;

import io.lazarus.core.manifest.WatchTime;
import io.lazarus.cpi.Cpi;
import io.lazarus.cpi.CpiErrors;
import io.lazarus.cpi.CpiException;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.PersistentDisk;
import io.lazarus.director.instances.Vm;
import io.lazarus.director.tasks.TaskContext;
import java.util.Optional;

/**
 * Replaces an instance's VM from its stored (last deployed) spec, as BOSH's cloud check and {@code bosh recreate}
 * do: the old VM is deleted through the CPI first, so a VM that only looked dead cannot run beside its successor
 * (fencing); then a new VM gets the same addresses, the persistent disk, the same spec, and its jobs started
 * (unless the instance is stopped). Thread-safe.
 */
public final class InstanceRecreator {
  private final DeployServices services;
  private final InstanceUpdater updater;
  private final StoredInstance stored;

  public InstanceRecreator(DeployServices services) {
    this.services = services;
    this.updater = services.instanceUpdater();
    this.stored = new StoredInstance(services);
  }

  /**
   * Deletes the instance's VM and makes a new one from the stored spec; with {@code watchTime} the jobs are waited
   * for until running and post-start runs, without it they are only started.
   */
  public void recreate(String deployment, Instance instance, Optional<WatchTime> watchTime, TaskContext ctx) throws Exception {
    DesiredInstance desired = stored.desired(deployment, instance, instance.state(), false); // checks the stored spec first
    Optional<Vm> vm = services.vms().activeFor(instance.id());
    if (vm.isPresent()) {
      deleteVm(vm.get(), instance, ctx);
    }
    updater.update(deployment, desired, false, false, watchTime, ctx);
  }

  /**
   * Detaches the persistent disks (they stay the instance's) and deletes the VM, through the CPI that made it; the
   * IPs stay reserved.
   */
  public void deleteVm(Vm vm, Instance instance, TaskContext ctx) throws CpiException {
    if (vm.cid() != null) {
      Cpi cpi = services.cpis().forVm(vm);
      for (PersistentDisk disk : services.disks().forInstance(instance.id())) {
        detach(cpi, vm.cid(), disk.cid());
      }
    }
    services.vmCreator().delete(vm, ctx);
  }

  /** A VM that is gone has nothing attached: its VMNotFound is not a failure here. */
  private static void detach(Cpi cpi, String vmCid, String diskCid) throws CpiException {
    try {
      cpi.detachDisk(vmCid, diskCid);
    } catch (CpiException e) {
      if (!CpiErrors.VM_NOT_FOUND.equals(e.type())) {
        throw e;
      }
    }
  }
}
