package io.lazarus.director.deploy;

import io.lazarus.core.json.Json;
import io.lazarus.core.manifest.WatchTime;
import io.lazarus.core.time.Sleeper;
import io.lazarus.cpi.Cpi;
import io.lazarus.cpi.Network;
import io.lazarus.director.cpis.Cpis;
import io.lazarus.director.agent.AgentClient;
import io.lazarus.director.blobstore.Blobstore;
import io.lazarus.director.instances.Instances;
import io.lazarus.director.instances.IpAddresses;
import io.lazarus.director.instances.OrphanDisks;
import io.lazarus.director.instances.PersistentDisk;
import io.lazarus.director.instances.PersistentDisks;
import io.lazarus.director.instances.Vm;
import io.lazarus.director.instances.Vms;
import io.lazarus.director.tasks.TaskContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Brings one instance to its desired state, as BOSH's instance updater does: nothing when nothing changed; else
 * drain and stop the jobs, replace the VM when its stemcell, type, addresses, env or CPI changed (or a recreate was
 * asked), attach or create the persistent disk (moving the data to a new disk when the size changed), apply, run
 * pre-start, start, wait until every process runs within the watch time, run post-start, and store the spec. Calls
 * about an existing VM go to the CPI that made it; a new disk is made by the VM's CPI and remembers it.
 */
final class InstanceUpdater {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final Duration RUNNING_POLL = Duration.ofSeconds(1);
  private static final String STOPPED = "stopped";
  private static final String DETACHED = "detached";

  private final Cpis cpis;
  private final VmCreator vmCreator;
  private final Instances instances;
  private final Vms vms;
  private final PersistentDisks disks;
  private final OrphanDisks orphans;
  private final IpAddresses ips;
  private final Blobstore blobstore;
  private final Function<Vm, AgentClient> agents;
  private final Sleeper sleeper;
  private final Clock clock;

  InstanceUpdater(Cpis cpis, VmCreator vmCreator, Instances instances, Vms vms, PersistentDisks disks, OrphanDisks orphans, IpAddresses ips, Blobstore blobstore, Function<Vm, AgentClient> agents, Sleeper sleeper, Clock clock) {
    this.cpis = cpis;
    this.vmCreator = vmCreator;
    this.instances = instances;
    this.vms = vms;
    this.disks = disks;
    this.orphans = orphans;
    this.ips = ips;
    this.blobstore = blobstore;
    this.agents = agents;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /**
   * Whether the instance needs any work; when it does not, the archive rendered for it again (identical to the one
   * it runs) is deleted.
   */
  boolean needsUpdate(DesiredInstance desired, boolean recreate) {
    return needsUpdate(desired, recreate, false);
  }

  /** As {@link #needsUpdate(DesiredInstance, boolean)}; with {@code recreateDisk} an instance with a persistent disk changes. */
  boolean needsUpdate(DesiredInstance desired, boolean recreate, boolean recreateDisk) {
    if (recreateDisk && desired.disk().isPresent()) {
      return true;
    }
    Map<String, Object> old = lastSpec(desired);
    boolean detached = DETACHED.equals(desired.instance().state());
    Optional<Vm> vm = vms.activeFor(desired.instance().id());
    boolean unchanged = (detached || vm.isPresent())
        && !recreate
        && !(vm.isPresent() && inOtherCpi(vm.get(), desired))
        && !ApplySpecs.vmDiffers(old, desired.applySpec())
        && !ApplySpecs.contentDiffers(old, desired.applySpec());
    if (unchanged) {
      blobstore.delete(desired.renderedBlobId());
    }
    return !unchanged;
  }

  /**
   * Updates the instance; {@code recreate} replaces its VM even when nothing else changed. The instance's state
   * (set by {@code bosh stop|start}) is kept: a {@code detached} instance only gets its new spec recorded (its VM is
   * made when it is started), a {@code stopped} one gets its VM and spec but its jobs are not started.
   */
  void update(String deployment, DesiredInstance desired, boolean recreate, WatchTime watchTime, TaskContext ctx) throws Exception {
    update(deployment, desired, recreate, false, watchTime, ctx);
  }

  /**
   * Whether the instance has a VM whose agent does not answer {@code ping} within 2 s: with {@code --fix} such an
   * instance is recreated without trying to drain or stop it.
   */
  boolean agentLost(DesiredInstance desired) throws InterruptedException {
    Optional<Vm> vm = vms.activeFor(desired.instance().id());
    return vm.isPresent() && !agents.apply(vm.get()).ping(Duration.ofSeconds(2));
  }

  /** As {@link #update(String, DesiredInstance, boolean, WatchTime, TaskContext)}; {@code agentLost} skips drain and stop. */
  void update(String deployment, DesiredInstance desired, boolean recreate, boolean agentLost, WatchTime watchTime, TaskContext ctx) throws Exception {
    update(deployment, desired, new Mode(recreate, agentLost, false, false), Optional.of(watchTime), ctx);
  }

  /**
   * As {@link #update(String, DesiredInstance, boolean, boolean, WatchTime, TaskContext)}; without a watch time the
   * jobs are started but not waited for (cloud check's {@code recreate_vm_without_wait}).
   */
  void update(String deployment, DesiredInstance desired, boolean recreate, boolean agentLost, Optional<WatchTime> watchTime, TaskContext ctx) throws Exception {
    update(deployment, desired, new Mode(recreate, agentLost, false, false), watchTime, ctx);
  }

  /**
   * How an update treats an instance beyond what changed in its spec.
   *
   * @param recreate replace the VM
   * @param agentLost the agent does not answer: neither drain nor stop is tried
   * @param skipDrain stop the jobs without running their drain scripts (deploy's {@code skip_drain})
   * @param recreateDisk move the data to a new persistent disk of the same size (deploy's {@code recreate_persistent_disks})
   */
  record Mode(boolean recreate, boolean agentLost, boolean skipDrain, boolean recreateDisk) {}

  /** As {@link #update(String, DesiredInstance, boolean, boolean, Optional, TaskContext)}, with every option. */
  void update(String deployment, DesiredInstance desired, Mode mode, Optional<WatchTime> watchTime, TaskContext ctx) throws Exception {
    boolean recreate = mode.recreate();
    boolean agentLost = mode.agentLost();
    var instance = desired.instance();
    if (DETACHED.equals(instance.state())) {
      instances.setSpec(instance.id(), Json.write(desired.applySpec()));
      return;
    }
    Optional<Vm> vm = vms.activeFor(instance.id());
    boolean replaceVm = vm.isEmpty() || recreate || inOtherCpi(vm.get(), desired) || ApplySpecs.vmDiffers(lastSpec(desired), desired.applySpec());
    if (replaceVm) {
      requireDisksIn(desired);
    }
    if (vm.isPresent() && !agentLost) {
      stopJobs(vm.get(), desired.applySpec(), mode.skipDrain(), ctx);
    }
    if (replaceVm) {
      vm.ifPresent(existing -> ctx.debug("replacing VM " + existing.cid() + " of " + instance.name()));
      if (vm.isPresent()) {
        deleteVm(vm.get(), instance.id());
      }
      ips.releaseAll(instance.id());
      desired.networks().forEach((name, network) -> ips.reserve(instance.id(), name, network.ip(), false));
      List<String> diskCids = disks.forInstance(instance.id()).stream().map(PersistentDisk::cid).toList();
      vm = Optional.of(vmCreator.create(instance.id(), desired.stemcell(), desired.cloudProperties(), desired.networks(), diskCids, ctx));
      cpis.forVm(vm.get()).setVmMetadata(vm.get().cid(), Map.of("deployment", deployment, "instance_group", instance.group(), "index", String.valueOf(instance.index()), "id", instance.uuid(), "name", instance.name()));
    }
    AgentClient agent = agents.apply(vm.get());
    persistentDisk(deployment, desired, vm.get(), agent, replaceVm, mode.recreateDisk(), ctx);
    agent.run("apply", List.of(desired.applySpec()), ctx::cancelRequested);
    if (STOPPED.equals(instance.state())) {
      instances.setSpec(instance.id(), Json.write(desired.applySpec()));
      return;
    }
    if (watchTime.isPresent()) {
      startJobs(agent, instance.name(), watchTime.get(), ctx);
    } else {
      runPreStartAndStart(agent, ctx);
    }
    instances.setSpec(instance.id(), Json.write(desired.applySpec()));
    instances.setState(instance.id(), "started");
  }

  /** Runs pre-start, starts the jobs, waits until they run within the watch time, and runs post-start. */
  void startJobs(AgentClient agent, String instanceName, WatchTime watchTime, TaskContext ctx) throws Exception {
    runPreStartAndStart(agent, ctx);
    waitUntilRunning(agent, instanceName, watchTime, ctx);
    agent.run("run_script", List.of("post-start", Map.of()), ctx::cancelRequested);
  }

  private static void runPreStartAndStart(AgentClient agent, TaskContext ctx) throws Exception {
    agent.run("run_script", List.of("pre-start", Map.of()), ctx::cancelRequested);
    agent.call("start", List.of(), AgentClient.DEFAULT_TIMEOUT);
  }

  /** Refuses, before anything changes, a new VM in another CPI than the instance's persistent disk's. */
  private void requireDisksIn(DesiredInstance desired) {
    String cpi = cpis.canonical(desired.stemcell().cpi());
    for (PersistentDisk disk : disks.forInstance(desired.instance().id())) {
      if (!cpis.canonical(disk.cpi()).equals(cpi)) {
        throw new IllegalStateException("persistent disk " + disk.cid() + " of " + desired.instance().name() + " is in CPI '" + cpis.canonical(disk.cpi())
            + "', but its new VM would be made by CPI '" + cpi + "': a disk cannot move between CPIs");
      }
    }
  }

  /** Whether the VM was made by another CPI than the one the instance's AZ names now. */
  private boolean inOtherCpi(Vm vm, DesiredInstance desired) {
    return !cpis.canonical(vm.cpi()).equals(cpis.canonical(desired.stemcell().cpi()));
  }

  private static Map<String, Object> lastSpec(DesiredInstance desired) {
    return desired.instance().spec().map(text -> Json.mapper().readValue(text, MAP)).orElse(Map.of());
  }

  private void stopJobs(Vm vm, Map<String, Object> newSpec, boolean skipDrain, TaskContext ctx) throws Exception {
    AgentClient agent = agents.apply(vm);
    if (!skipDrain) {
      JsonNode wait = agent.run("drain", List.of("update", newSpec), ctx::cancelRequested);
      if (wait != null && wait.isInt() && wait.asInt() > 0) {
        sleeper.sleep(Duration.ofSeconds(wait.asInt()));
      }
    }
    agent.run("stop", List.of(), ctx::cancelRequested);
  }

  private void deleteVm(Vm vm, long instanceId) throws Exception {
    Cpi cpi = cpis.forVm(vm);
    for (PersistentDisk disk : disks.forInstance(instanceId)) {
      cpi.detachDisk(vm.cid(), disk.cid());
    }
    if (vm.cid() != null) {
      cpi.deleteVm(vm.cid());
    }
    vms.delete(vm.id());
  }

  /**
   * Attaches, creates, resizes or removes the persistent disk so it matches the desired one; {@code recreateDisk}
   * moves the data to a new disk even when the size is unchanged.
   */
  private void persistentDisk(String deployment, DesiredInstance desired, Vm vm, AgentClient agent, boolean newVm, boolean recreateDisk, TaskContext ctx) throws Exception {
    Optional<PersistentDisk> current = disks.forInstance(desired.instance().id()).stream().filter(PersistentDisk::active).findFirst();
    Cpi cpi = cpis.forVm(vm);
    if (desired.disk().isEmpty()) {
      if (current.isPresent()) {
        agent.run("unmount_disk", List.of(current.get().cid()), ctx::cancelRequested);
        cpi.detachDisk(vm.cid(), current.get().cid());
        orphans.orphan(current.get(), deployment, desired.instance());
      }
      return;
    }
    DesiredInstance.Disk wanted = desired.disk().get();
    if (current.isPresent() && current.get().sizeMb() == wanted.sizeMb() && !recreateDisk) {
      if (newVm) {
        cpi.attachDisk(vm.cid(), current.get().cid());
        agent.run("mount_disk", List.of(current.get().cid()), ctx::cancelRequested);
      }
      return;
    }
    String cid = cpi.createDisk(wanted.sizeMb(), wanted.cloudProperties(), vm.cid());
    PersistentDisk created = disks.create(desired.instance().id(), cid, wanted.sizeMb(), wanted.cloudProperties(), current.isEmpty(), vm.cpi());
    cpi.attachDisk(vm.cid(), cid);
    if (current.isEmpty()) {
      agent.run("mount_disk", List.of(cid), ctx::cancelRequested);
      return;
    }
    ctx.debug("moving " + desired.instance().name() + "'s data from disk " + current.get().cid() + " (" + current.get().sizeMb() + " MB) to " + cid + " (" + wanted.sizeMb() + " MB)");
    if (newVm) { // on the old VM the old disk is mounted already; a new VM needs it before the copy
      cpi.attachDisk(vm.cid(), current.get().cid());
      agent.run("mount_disk", List.of(current.get().cid()), ctx::cancelRequested);
    }
    agent.run("mount_disk", List.of(cid), ctx::cancelRequested);
    agent.run("migrate_disk", List.of(current.get().cid(), cid), ctx::cancelRequested);
    agent.run("unmount_disk", List.of(current.get().cid()), ctx::cancelRequested);
    cpi.detachDisk(vm.cid(), current.get().cid());
    disks.activate(created.id());
    orphans.orphan(current.get(), deployment, desired.instance());
  }

  /** Polls get_state every second until job_state is running, failing when the watch time's maximum has passed. */
  private void waitUntilRunning(AgentClient agent, String name, WatchTime watchTime, TaskContext ctx) throws Exception {
    sleeper.sleep(Duration.ofMillis(Math.min(watchTime.minMs(), watchTime.maxMs())));
    Instant deadline = clock.instant().plusMillis(Math.max(0, watchTime.maxMs() - watchTime.minMs()));
    String state = "";
    while (true) {
      state = agent.call("get_state", List.of(), AgentClient.DEFAULT_TIMEOUT).path("job_state").asString("");
      if (state.equals("running")) {
        return;
      }
      if (!clock.instant().isBefore(deadline) || ctx.cancelRequested()) {
        throw new IllegalStateException("'" + name + "' is not running after update. Review logs for failed jobs: job_state is '" + state + "' after " + watchTime.maxMs() / 1000 + " seconds");
      }
      sleeper.sleep(RUNNING_POLL);
    }
  }
}
