package io.lazarus.director.deploy;

import io.lazarus.core.time.Sleeper;
import io.lazarus.cpi.CpiException;
import io.lazarus.director.cpis.Cpis;
import io.lazarus.director.agent.AgentClient;
import io.lazarus.director.agent.AgentException;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.Instances;
import io.lazarus.director.instances.IpAddresses;
import io.lazarus.director.instances.OrphanDisks;
import io.lazarus.director.instances.PersistentDisk;
import io.lazarus.director.instances.PersistentDisks;
import io.lazarus.director.instances.Vm;
import io.lazarus.director.instances.Vms;
import io.lazarus.director.tasks.TaskContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Deletes an instance as BOSH does: drain (shutdown) and stop its jobs, detach its disks, delete its VM, keep its
 * persistent disks as orphans (their data is not destroyed), release its IPs and forget it. The CPI calls go to the
 * CPI that made the VM. With {@code force}, an unreachable agent or a failing CPI call (or a CPI that is no longer
 * configured) is noted in the debug log and the deletion goes on. Thread-safe.
 */
public final class InstanceDeleter {
  private final Cpis cpis;
  private final Instances instances;
  private final Vms vms;
  private final PersistentDisks disks;
  private final OrphanDisks orphans;
  private final IpAddresses ips;
  private final Function<Vm, AgentClient> agents;
  private final Sleeper sleeper;

  public InstanceDeleter(Cpis cpis, Instances instances, Vms vms, PersistentDisks disks, OrphanDisks orphans, IpAddresses ips, Function<Vm, AgentClient> agents, Sleeper sleeper) {
    this.cpis = cpis;
    this.instances = instances;
    this.vms = vms;
    this.disks = disks;
    this.orphans = orphans;
    this.ips = ips;
    this.agents = agents;
    this.sleeper = sleeper;
  }

  public void delete(Instance instance, String deployment, boolean force, TaskContext ctx) throws AgentException, CpiException, InterruptedException {
    List<PersistentDisk> instanceDisks = disks.forInstance(instance.id());
    Optional<Vm> vm = vms.activeFor(instance.id());
    if (vm.isPresent()) {
      stopJobs(vm.get(), force, ctx);
      for (PersistentDisk disk : instanceDisks) {
        forcible(force, ctx, () -> cpis.forVm(vm.get()).detachDisk(vm.get().cid(), disk.cid()));
      }
      forcible(force, ctx, () -> {
        if (vm.get().cid() != null) {
          cpis.forVm(vm.get()).deleteVm(vm.get().cid());
        }
      });
      vms.delete(vm.get().id());
    }
    for (PersistentDisk disk : instanceDisks) {
      orphans.orphan(disk, deployment, instance);
    }
    ips.releaseAll(instance.id());
    instances.delete(instance.id());
  }

  /** {@code drain shutdown}, waiting the seconds the drain scripts asked for, then {@code stop}. */
  private void stopJobs(Vm vm, boolean force, TaskContext ctx) throws AgentException, InterruptedException {
    AgentClient agent = agents.apply(vm);
    try {
      JsonNode wait = agent.run("drain", List.of("shutdown", Map.of()), ctx::cancelRequested);
      if (wait != null && wait.isInt() && wait.asInt() > 0) {
        sleeper.sleep(Duration.ofSeconds(wait.asInt()));
      }
      agent.run("stop", List.of(), ctx::cancelRequested);
    } catch (AgentException e) {
      if (!force) {
        throw e;
      }
      ctx.debug("ignoring, as --force asks: " + e.getMessage());
    }
  }

  private static void forcible(boolean force, TaskContext ctx, CpiCall call) throws CpiException {
    try {
      call.run();
    } catch (CpiException e) {
      if (!force) {
        throw e;
      }
      ctx.debug("ignoring, as --force asks: " + e.getMessage());
    }
  }

  @FunctionalInterface
  private interface CpiCall {
    void run() throws CpiException;
  }
}
