package io.lazarus.director.deploy;

import io.lazarus.core.manifest.WatchTime;
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
    this.stored = new StoredInstance(services.stemcells(), services.disks());
  }

  /**
   * Deletes the instance's VM and makes a new one from the stored spec; with {@code watchTime} the jobs are waited
   * for until running and post-start runs, without it they are only started.
   */
  public void recreate(String deployment, Instance instance, Optional<WatchTime> watchTime, TaskContext ctx) throws Exception {
    DesiredInstance desired = stored.desired(instance, instance.state(), false); // checks the stored spec first
    Optional<Vm> vm = services.vms().activeFor(instance.id());
    if (vm.isPresent()) {
      deleteVm(vm.get(), instance, ctx);
    }
    updater.update(deployment, desired, false, false, watchTime, ctx);
  }

  /** Detaches the persistent disks (they stay the instance's) and deletes the VM; the IPs stay reserved. */
  public void deleteVm(Vm vm, Instance instance, TaskContext ctx) throws CpiException {
    if (vm.cid() != null) {
      for (PersistentDisk disk : services.disks().forInstance(instance.id())) {
        detach(vm.cid(), disk.cid());
      }
    }
    services.vmCreator().delete(vm, ctx);
  }

  /** A VM that is gone has nothing attached: its VMNotFound is not a failure here. */
  private void detach(String vmCid, String diskCid) throws CpiException {
    try {
      services.cpi().detachDisk(vmCid, diskCid);
    } catch (CpiException e) {
      if (!CpiErrors.VM_NOT_FOUND.equals(e.type())) {
        throw e;
      }
    }
  }
}
