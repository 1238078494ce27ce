package io.lazarus.director.cloudcheck;

import io.lazarus.cpi.CpiErrors;
import io.lazarus.cpi.CpiException;
import io.lazarus.director.agent.AgentClient;
import io.lazarus.director.agent.AgentUnreachableException;
import io.lazarus.director.cpis.Cpis;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.PersistentDisk;
import io.lazarus.director.instances.Vm;
import io.lazarus.director.tasks.EventLog;
import io.lazarus.director.tasks.TaskContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import tools.jackson.databind.JsonNode;

/**
 * BOSH's VM scan stage: asks every (not ignored) instance's agent for its state with a short timeout, records the
 * disks it has mounted, and turns a silent agent into {@code missing_vm} (the cloud has no such VM) or {@code
 * unresponsive_agent}. Agents are probed concurrently, so silent agents cost about one timeout, not one each.
 */
final class VmScan {
  /**
   * Probes in flight at once. They only wait on the network (virtual threads), so the bound is about sockets, not
   * threads. It is high enough that every agent of a thousand-instance deployment is asked at once: a silent agent's
   * timeout then runs while the others answer, instead of starting behind them (with 256, the last silent probes of a
   * 1,000-instance scan started ~2 s late, and the scan took timeout + 2 s).
   */
  static final int PROBES_IN_FLIGHT = 1024;

  private final CloudCheckServices services;

  VmScan(CloudCheckServices services) {
    this.services = services;
  }

  enum Outcome { OK, UNRESPONSIVE, MISSING, IGNORED }

  /** Scans {@code instances} (those that expect a VM), registers their problems and returns what agents mount. */
  DiskOwners scan(long deploymentId, List<Instance> instances, TaskContext ctx) throws Exception {
    DiskOwners owners = new DiskOwners();
    EventLog.Stage stage = ctx.events().stage("Scanning " + instances.size() + " VMs", 2, List.of());
    List<Outcome> outcomes = stage.track("Checking VM states", () -> probeAll(deploymentId, instances, owners, ctx));
    stage.track(summary(outcomes), () -> null);
    return owners;
  }

  static String summary(List<Outcome> outcomes) {
    Map<Outcome, Long> counts = new java.util.EnumMap<>(Outcome.class);
    outcomes.forEach(outcome -> counts.merge(outcome, 1L, Long::sum));
    long ignored = counts.getOrDefault(Outcome.IGNORED, 0L);
    return counts.getOrDefault(Outcome.OK, 0L) + " OK, " + counts.getOrDefault(Outcome.UNRESPONSIVE, 0L) + " unresponsive, "
        + counts.getOrDefault(Outcome.MISSING, 0L) + " missing, 0 unbound" + (ignored > 0 ? ", " + ignored + " ignored" : "");
  }

  private List<Outcome> probeAll(long deploymentId, List<Instance> instances, DiskOwners owners, TaskContext ctx) throws Exception {
    Semaphore slots = new Semaphore(PROBES_IN_FLIGHT);
    List<Future<Outcome>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Instance instance : instances) {
        if (instance.ignored()) {
          futures.add(java.util.concurrent.CompletableFuture.completedFuture(Outcome.IGNORED));
          continue;
        }
        slots.acquire();
        futures.add(pool.submit(() -> {
          try {
            return probe(deploymentId, instance, owners, ctx);
          } finally {
            slots.release();
          }
        }));
      }
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Future<Outcome> future : futures) {
      try {
        outcomes.add(future.get());
      } catch (java.util.concurrent.ExecutionException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    }
    return outcomes;
  }

  private Outcome probe(long deploymentId, Instance instance, DiskOwners owners, TaskContext ctx) throws Exception {
    Optional<Vm> vm = services.vms().activeFor(instance.id());
    if (vm.isPresent() && vm.get().cid() != null) {
      AgentClient agent = services.agents().apply(vm.get());
      try {
        agent.call("get_state", List.of(), services.agentProbeTimeout());
        mountedDisks(agent).stream().findFirst().ifPresent(disk -> owners.mountedOn(disk, vm.get().cid()));
        return Outcome.OK;
      } catch (AgentUnreachableException e) {
        ctx.debug("agent of " + instance.name() + " on VM " + vm.get().cid() + " does not answer get_state: " + e.getMessage());
      }
    }
    // As BOSH: the disk the Director expects counts as mounted here, so one problem is reported, not two.
    activeDisk(instance).ifPresent(disk -> vm.map(Vm::cid).ifPresent(cid -> owners.mountedOn(disk.cid(), cid)));
    if (vm.isEmpty() || vm.get().cid() == null || !exists(services.cpis(), vm.get())) {
      services.problems().register(deploymentId, ProblemTypes.MISSING_VM, instance.id(), Map.of(), instance.group());
      return Outcome.MISSING;
    }
    services.problems().register(deploymentId, ProblemTypes.UNRESPONSIVE_AGENT, instance.id(), Map.of(), instance.group());
    return Outcome.UNRESPONSIVE;
  }

  /** The disks the agent lists; a {@code list_disk} that times out means none. */
  private List<String> mountedDisks(AgentClient agent) throws Exception {
    try {
      JsonNode disks = agent.run("list_disk", List.of(), services.agentProbeTimeout(), AgentClient.Cancellation.NEVER);
      List<String> cids = new ArrayList<>();
      disks.forEach(cid -> cids.add(cid.asString("")));
      return cids;
    } catch (AgentUnreachableException e) {
      return List.of();
    }
  }

  private Optional<PersistentDisk> activeDisk(Instance instance) {
    return services.disks().forInstance(instance.id()).stream().filter(PersistentDisk::active).findFirst();
  }

  /** has_vm of the CPI that made the VM; a CPI without it keeps the VM (unresponsive, not missing), as BOSH does. */
  static boolean exists(Cpis cpis, Vm vm) throws CpiException {
    try {
      return cpis.forVm(vm).hasVm(vm.cid());
    } catch (CpiException e) {
      if (CpiErrors.NOT_IMPLEMENTED.equals(e.type())) {
        return true;
      }
      throw e;
    }
  }
}
