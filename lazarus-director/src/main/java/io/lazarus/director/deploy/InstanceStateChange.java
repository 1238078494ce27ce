package io.lazarus.director.deploy;

import io.lazarus.core.json.Json;
import io.lazarus.core.manifest.WatchTime;
import io.lazarus.director.agent.AgentClient;
import io.lazarus.director.agent.AgentException;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.Vm;
import io.lazarus.director.tasks.TaskContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Brings one instance to a {@link TargetState} as BOSH's {@code stop}, {@code start}, {@code restart} and {@code
 * recreate} do, from the instance's stored spec: stopping drains ({@code update}, or {@code shutdown} when the VM
 * goes) unless drain is skipped, then stops the jobs; detaching and recreating delete the VM and keep the
 * persistent disk; a new VM (recreate, or starting a detached instance) is made by the deployer's {@link
 * InstanceUpdater} with the same addresses, disk and spec. With {@code fix}, an agent that does not answer is not
 * asked to stop: its VM is replaced. Thread-safe.
 */
final class InstanceStateChange {
  private static final Duration RESPONSIVE_TIMEOUT = Duration.ofSeconds(5);

  private final DeployServices services;
  private final InstanceUpdater updater;
  private final StoredInstance stored;
  private final InstanceRecreator recreator;

  InstanceStateChange(DeployServices services) {
    this.services = services;
    this.updater = services.instanceUpdater();
    this.stored = new StoredInstance(services);
    this.recreator = new InstanceRecreator(services);
  }

  /** Options of one request. */
  record Options(boolean skipDrain, boolean fix) {}

  /** Whether {@code target} changes anything for {@code instance} (restart and recreate always do). */
  boolean changes(Instance instance, TargetState target) {
    boolean hasVm = services.vms().activeFor(instance.id()).isPresent();
    return switch (target) {
      case STARTED, STOPPED -> !hasVm || !target.resultingState().equals(instance.state());
      case DETACHED -> hasVm || !"detached".equals(instance.state());
      case RESTART, RECREATE -> true;
    };
  }

  void apply(String deployment, Instance instance, TargetState target, Options options, WatchTime watchTime, boolean canary, TaskContext ctx) throws Exception {
    Optional<Vm> vm = services.vms().activeFor(instance.id());
    if (vm.isPresent() && options.fix() && !services.agents().apply(vm.get()).ping(RESPONSIVE_TIMEOUT)) {
      ctx.debug("agent of " + instance.name() + " does not answer; replacing its VM " + vm.get().cid() + " as --fix asks");
      deleteVm(vm.get(), instance, ctx);
      vm = Optional.empty();
    }
    switch (target) {
      case STOPPED -> {
        if (vm.isPresent()) {
          stopJobs(vm.get(), instance, "update", options, ctx);
        } else {
          updater.update(deployment, stored.desired(deployment, instance, "stopped", canary), false, watchTime, ctx);
        }
      }
      case DETACHED -> {
        if (vm.isPresent()) {
          stopJobs(vm.get(), instance, "shutdown", options, ctx);
          deleteVm(vm.get(), instance, ctx);
        }
      }
      case STARTED -> start(deployment, instance, vm, watchTime, canary, ctx);
      case RESTART -> {
        if (vm.isPresent()) {
          stopJobs(vm.get(), instance, "update", options, ctx);
        }
        start(deployment, instance, vm, watchTime, canary, ctx);
      }
      case RECREATE -> {
        if (vm.isPresent()) {
          stopJobs(vm.get(), instance, "shutdown", options, ctx);
          deleteVm(vm.get(), instance, ctx);
        }
        start(deployment, instance, Optional.empty(), watchTime, canary, ctx);
      }
    }
    services.instances().setState(instance.id(), target.resultingState());
  }

  private void start(String deployment, Instance instance, Optional<Vm> vm, WatchTime watchTime, boolean canary, TaskContext ctx) throws Exception {
    if (vm.isPresent()) {
      updater.startJobs(services.agents().apply(vm.get()), instance.name(), watchTime, ctx);
    } else {
      updater.update(deployment, stored.desired(deployment, instance, "started", canary), false, watchTime, ctx);
    }
  }

  /**
   * Drains ({@code update} with the instance's spec, or {@code shutdown}) unless skipped, waiting what the drain
   * scripts ask, then stops the jobs. With {@code fix}, an agent failing on the way does not stop a VM that goes.
   */
  void stopJobs(Vm vm, Instance instance, String drainType, Options options, TaskContext ctx) throws Exception {
    AgentClient agent = services.agents().apply(vm);
    try {
      if (!options.skipDrain()) {
        List<Object> arguments = drainType.equals("update") ? List.of("update", specOf(instance)) : List.of("shutdown", Map.of());
        JsonNode wait = agent.run("drain", arguments, ctx::cancelRequested);
        if (wait != null && wait.isInt() && wait.asInt() > 0) {
          services.sleeper().sleep(Duration.ofSeconds(wait.asInt()));
        }
      }
      agent.run("stop", List.of(), ctx::cancelRequested);
    } catch (AgentException e) {
      if (!(options.fix() && drainType.equals("shutdown"))) {
        throw e;
      }
      ctx.debug("ignoring, as --fix asks, while stopping " + instance.name() + ": " + e.getMessage());
    }
  }

  private static Object specOf(Instance instance) {
    return instance.spec().map(text -> (Object) Json.read(text, Map.class)).orElse(Map.of());
  }

  void deleteVm(Vm vm, Instance instance, TaskContext ctx) throws Exception {
    recreator.deleteVm(vm, instance, ctx);
  }
}
