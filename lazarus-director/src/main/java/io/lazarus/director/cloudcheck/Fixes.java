package io.lazarus.director.cloudcheck;

import io.lazarus.core.manifest.DeploymentManifest;
import io.lazarus.core.manifest.InstanceGroup;
import io.lazarus.core.manifest.UpdatePolicy;
import io.lazarus.core.manifest.WatchTime;
import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.cpi.CpiErrors;
import io.lazarus.cpi.CpiException;
import io.lazarus.cpi.DiskHint;
import io.lazarus.director.agent.AgentClient;
import io.lazarus.director.agent.AgentException;
import io.lazarus.director.agent.AgentRemoteException;
import io.lazarus.director.agent.AgentUnreachableException;
import io.lazarus.director.deployments.Deployment;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.PersistentDisk;
import io.lazarus.director.instances.Vm;
import io.lazarus.director.tasks.TaskContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The actions behind the resolutions of one deployment's problems (BOSH's {@code cloudcheck_helper.rb} and the
 * handlers' bodies). Thread-safe: problems of one deployment are resolved in parallel.
 */
final class Fixes {
  /** BOSH pings an agent it is about to treat as dead with the default RPC timeout. */
  private static final Duration REVALIDATION_TIMEOUT = AgentClient.DEFAULT_TIMEOUT;

  private final CloudCheckServices services;
  private final Deployment deployment;
  private final DeploymentManifest manifest;

  Fixes(CloudCheckServices services, Deployment deployment) {
    this.services = services;
    this.deployment = deployment;
    this.manifest = DeploymentManifest.parse(YamlDocument.parse("manifest of deployment '" + deployment.name() + "'", deployment.manifest()));
  }

  String deploymentName() {
    return deployment.name();
  }

  /** Fails unless the agent still does not answer: a resolution for an unresponsive agent must not hit a live one. */
  void ensureUnresponsive(Vm vm) throws ProblemHandlerException, InterruptedException {
    if (services.agents().apply(vm).ping(REVALIDATION_TIMEOUT)) {
      throw new ProblemHandlerException("Agent is responding now, skipping resolution");
    }
  }

  /** Deletes the VM through the CPI (fencing) and makes a new one from the last known spec. */
  void recreate(Instance instance, boolean waitForProcesses, TaskContext ctx) throws Exception {
    Optional<WatchTime> watchTime = waitForProcesses ? Optional.of(updatePolicy(instance.group()).updateWatchTime().orElseThrow()) : Optional.empty();
    services.recreator().recreate(deployment.name(), instance, watchTime, ctx);
  }

  /** The manifest's instance group names, in its order. */
  List<String> instanceGroups() {
    return manifest.instanceGroups().stream().map(InstanceGroup::name).toList();
  }

  /** BOSH's {@code update.serial} (true unless set false): the group's resolutions run apart from other groups'. */
  boolean serial(String group) {
    return updatePolicy(group).serial().orElse(true);
  }

  /** The group's update block (its own over the deployment's). */
  UpdatePolicy updatePolicy(String group) {
    return manifest.instanceGroup(group).flatMap(InstanceGroup::update).map(manifest.update()::overriddenBy).orElse(manifest.update());
  }

  void reboot(Vm vm, TaskContext ctx) throws Exception {
    services.cpis().forVm(vm).rebootVm(vm.cid());
    try {
      services.agents().apply(vm).waitUntilReady(services.agentWaitTimeout(), ctx::cancelRequested);
    } catch (AgentException e) {
      throw new ProblemHandlerException("Agent still unresponsive after reboot");
    }
  }

  void deleteVm(Instance instance, Vm vm, TaskContext ctx) throws Exception {
    services.recreator().deleteVm(vm, instance, ctx);
  }

  void deleteVmReference(Vm vm) {
    services.vms().delete(vm.id());
  }

  /**
   * Attaches the disk again, gives the agent its hint, and has the agent mount it, or reboots the VM, whose agent
   * mounts the disks of its settings when it boots.
   */
  void reattachDisk(Vm vm, PersistentDisk disk, boolean reboot, TaskContext ctx) throws Exception {
    DiskHint hint = services.cpis().forVm(vm).attachDisk(vm.cid(), disk.cid());
    if (hint != null) {
      List<Object> arguments = new ArrayList<>();
      arguments.add(disk.cid());
      arguments.add(hint.value());
      guarded(vm, "add_persistent_disk", arguments, ctx);
    }
    if (reboot) {
      reboot(vm, ctx);
    } else {
      guarded(vm, "mount_disk", List.of(disk.cid()), ctx);
    }
  }

  /**
   * Lets go of a disk the cloud lost: inactive; if the instance's VM still exists, unmounted when its agent lists it
   * (a silent agent is passed over: it may be stuck on the lost disk) and detached; then orphaned.
   */
  void deleteDiskReference(Instance instance, PersistentDisk disk, TaskContext ctx) throws Exception {
    services.disks().deactivate(disk.id());
    Optional<Vm> vm = services.vms().activeFor(instance.id()).filter(v -> v.cid() != null);
    if (vm.isPresent() && VmScan.exists(services.cpis(), vm.get())) {
      AgentClient agent = services.agents().apply(vm.get());
      try {
        if (listDisk(agent, ctx).contains(disk.cid())) {
          agent.run("unmount_disk", List.of(disk.cid()), services.agentProbeTimeout(), ctx::cancelRequested);
        }
      } catch (AgentUnreachableException e) {
        ctx.debug("agent of VM " + vm.get().cid() + " does not answer; detaching disk " + disk.cid() + " without unmounting it");
      } catch (AgentRemoteException e) {
        throw new ProblemHandlerException("Cannot unmount disk, " + e.getMessage());
      }
      detachUnlessGone(vm.get(), disk);
    }
    services.orphans().orphan(disk, deployment.name(), instance);
  }

  /** Orphans an inactive disk, refusing one that is mounted; it is not in use, so a failed detach does not stop it. */
  void deleteDisk(Instance instance, PersistentDisk disk, TaskContext ctx) throws Exception {
    if (mounted(instance, disk, ctx)) {
      throw new ProblemHandlerException("Disk is currently in use");
    }
    Optional<Vm> vm = services.vms().activeFor(instance.id()).filter(v -> v.cid() != null);
    if (vm.isPresent()) {
      try {
        services.cpis().forVm(vm.get()).detachDisk(vm.get().cid(), disk.cid());
      } catch (CpiException e) {
        ctx.debug("detaching disk " + disk.cid() + " from VM " + vm.get().cid() + " failed, orphaning it anyway: " + e.getMessage());
      }
    }
    services.orphans().orphan(disk, deployment.name(), instance);
  }

  /** Makes an inactive disk the instance's disk again, only if it is mounted and the instance has no other active disk. */
  void activateDisk(Instance instance, PersistentDisk disk, TaskContext ctx) throws Exception {
    if (!mounted(instance, disk, ctx)) {
      throw new ProblemHandlerException("Disk is not mounted");
    }
    boolean otherActive = services.disks().forInstance(instance.id()).stream().anyMatch(other -> other.active() && other.id() != disk.id());
    if (otherActive) {
      throw new ProblemHandlerException("Instance already has an active disk");
    }
    services.disks().activate(disk.id());
  }

  /** Whether the agent of the instance's VM lists the disk; false without a VM. */
  private boolean mounted(Instance instance, PersistentDisk disk, TaskContext ctx) throws Exception {
    Optional<Vm> vm = services.vms().activeFor(instance.id()).filter(v -> v.cid() != null);
    if (vm.isEmpty()) {
      return false;
    }
    try {
      return listDisk(services.agents().apply(vm.get()), ctx).contains(disk.cid());
    } catch (AgentUnreachableException e) {
      throw notResponding(vm.get());
    }
  }

  private List<String> listDisk(AgentClient agent, TaskContext ctx) throws Exception {
    List<String> cids = new ArrayList<>();
    agent.run("list_disk", List.of(), services.agentProbeTimeout(), ctx::cancelRequested).forEach(cid -> cids.add(cid.asString("")));
    return cids;
  }

  /** BOSH's agent timeout guard: cloud check gives an agent its short timeout, and one that does not answer fails the resolution. */
  private void guarded(Vm vm, String method, List<?> arguments, TaskContext ctx) throws Exception {
    try {
      services.agents().apply(vm).run(method, arguments, services.agentProbeTimeout(), ctx::cancelRequested);
    } catch (AgentUnreachableException e) {
      throw notResponding(vm);
    }
  }

  private static ProblemHandlerException notResponding(Vm vm) {
    return new ProblemHandlerException("VM '" + vm.cid() + "' is not responding");
  }

  /** A disk the cloud lost, or one not attached, is detached already. */
  private void detachUnlessGone(Vm vm, PersistentDisk disk) throws CpiException {
    try {
      services.cpis().forVm(vm).detachDisk(vm.cid(), disk.cid());
    } catch (CpiException e) {
      if (!CpiErrors.DISK_NOT_FOUND.equals(e.type()) && !CpiErrors.DISK_NOT_ATTACHED.equals(e.type())) {
        throw e;
      }
    }
  }
}
