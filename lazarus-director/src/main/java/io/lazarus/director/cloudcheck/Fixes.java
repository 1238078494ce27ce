package io.lazarus.director.cloudcheck;

import io.lazarus.core.manifest.DeploymentManifest;
import io.lazarus.core.manifest.InstanceGroup;
import io.lazarus.core.manifest.UpdatePolicy;
import io.lazarus.core.manifest.WatchTime;
import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.cpi.DiskHint;
import io.lazarus.director.agent.AgentClient;
import io.lazarus.director.agent.AgentException;
import io.lazarus.director.deployments.Deployment;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.PersistentDisk;
import io.lazarus.director.instances.Vm;
import io.lazarus.director.tasks.TaskContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

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

  /** Attaches the disk again and has the agent mount it, or reboots the VM, whose agent mounts it on boot. */
  void reattachDisk(Vm vm, PersistentDisk disk, boolean reboot, TaskContext ctx) throws Exception {
    DiskHint hint = services.cpis().forVm(vm).attachDisk(vm.cid(), disk.cid());
    AgentClient agent = services.agents().apply(vm);
    List<Object> arguments = new ArrayList<>();
    arguments.add(disk.cid());
    arguments.add(hint.value());
    agent.run("add_persistent_disk", arguments, ctx::cancelRequested);
    if (reboot) {
      reboot(vm, ctx); // the agent mounts its persistent disk when it boots
    } else {
      agent.run("mount_disk", List.of(disk.cid()), ctx::cancelRequested);
    }
  }

  /** Lets go of a disk the cloud lost: inactive, unmounted if the agent answers, detached, orphaned. */
  void deleteDiskReference(Instance instance, PersistentDisk disk, TaskContext ctx) throws Exception {
    services.disks().deactivate(disk.id());
    Optional<Vm> vm = services.vms().activeFor(instance.id());
    if (vm.isPresent() && vm.get().cid() != null) {
      AgentClient agent = services.agents().apply(vm.get());
      if (agent.ping(Duration.ofSeconds(1))) {
        agent.run("unmount_disk", List.of(disk.cid()), ctx::cancelRequested);
      }
      services.cpis().forVm(vm.get()).detachDisk(vm.get().cid(), disk.cid());
    }
    services.orphans().orphan(disk, deployment.name(), instance);
  }

  /** Orphans an inactive disk, refusing one that is mounted. */
  void deleteDisk(Instance instance, PersistentDisk disk, TaskContext ctx) throws Exception {
    Optional<Vm> vm = services.vms().activeFor(instance.id());
    if (vm.isPresent() && mounted(vm.get(), disk, ctx)) {
      throw new ProblemHandlerException("Disk '" + disk.cid() + "' is currently in use");
    }
    if (vm.isPresent() && vm.get().cid() != null) {
      services.cpis().forVm(vm.get()).detachDisk(vm.get().cid(), disk.cid());
    }
    services.orphans().orphan(disk, deployment.name(), instance);
  }

  /** Makes an inactive disk the instance's disk again, only if it is mounted and the instance has no other active disk. */
  void activateDisk(Instance instance, PersistentDisk disk, TaskContext ctx) throws Exception {
    Optional<Vm> vm = services.vms().activeFor(instance.id());
    if (vm.isEmpty() || !mounted(vm.get(), disk, ctx)) {
      throw new ProblemHandlerException("Disk is not mounted");
    }
    boolean otherActive = services.disks().forInstance(instance.id()).stream().anyMatch(other -> other.active() && other.id() != disk.id());
    if (otherActive) {
      throw new ProblemHandlerException("Instance already has an active disk");
    }
    services.disks().activate(disk.id());
  }

  private boolean mounted(Vm vm, PersistentDisk disk, TaskContext ctx) throws Exception {
    JsonNode disks = services.agents().apply(vm).run("list_disk", List.of(), ctx::cancelRequested);
    for (JsonNode cid : disks) {
      if (cid.asString("").equals(disk.cid())) {
        return true;
      }
    }
    return false;
  }
}
