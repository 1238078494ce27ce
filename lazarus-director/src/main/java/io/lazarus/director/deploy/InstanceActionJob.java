package io.lazarus.director.deploy;

import io.lazarus.core.json.Json;
import io.lazarus.core.manifest.DeploymentManifest;
import io.lazarus.core.manifest.InstanceGroup;
import io.lazarus.core.manifest.UpdatePolicy;
import io.lazarus.core.manifest.WatchTime;
import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.agent.AgentClient;
import io.lazarus.director.agent.AgentException;
import io.lazarus.director.deployments.Deployment;
import io.lazarus.director.deployments.DeploymentRoutes;
import io.lazarus.director.events.NewEvent;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.Vm;
import io.lazarus.director.locks.Lock;
import io.lazarus.director.locks.Locks;
import io.lazarus.director.tasks.EventLog;
import io.lazarus.director.tasks.Job;
import io.lazarus.director.tasks.JobFactory;
import io.lazarus.director.tasks.Task;
import io.lazarus.director.tasks.TaskContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Task {@code update_instance} ("stop instance", "start instance", "restart instance", "recreate instance"), behind
 * {@code bosh start|stop|restart|recreate --no-converge G/ID}, as BOSH's UpdateInstance job does it: under the
 * deployment lock, acts on that one instance from its stored spec, without planning the manifest or touching any
 * other instance. One stage "Updating instance G/UUID (INDEX)" with the steps "Stopping instance", "Deleting VM"
 * (hard stop and recreate), "Creating VM" (an instance without a VM) and "Starting instance"; a stop of a stopped
 * instance and a start of a running one do nothing. Recreate is a restart that deletes the VM on the way.
 */
public final class InstanceActionJob implements Job {
  public static final String TYPE = "update_instance";
  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);
  /** How long the agent has to answer get_state before it counts as unresponsive. */
  private static final Duration STATE_TIMEOUT = Duration.ofSeconds(5);

  /** The task payload: the instance by its Director id, the action and its options. */
  record Payload(String deployment, long instanceId, String action, boolean hard, boolean skipDrain, boolean ignoreUnresponsiveAgent) {}

  private final Payload payload;
  private final DeployServices services;
  private final InstanceStateChange change;
  private final StoredInstance stored;

  private InstanceActionJob(Payload payload, DeployServices services) {
    this.payload = payload;
    this.services = services;
    this.change = new InstanceStateChange(services);
    this.stored = new StoredInstance(services);
  }

  public static JobFactory factory(DeployServices services) {
    return (Task task) -> new InstanceActionJob(Json.read(task.payload(), Payload.class), services);
  }

  static Map<String, Object> payload(String deployment, long instanceId, InstanceAction action, boolean hard, boolean skipDrain, boolean ignoreUnresponsiveAgent) {
    return Map.of("deployment", deployment, "instance_id", instanceId, "action", action.wireName(), "hard", hard, "skip_drain", skipDrain,
        "ignore_unresponsive_agent", ignoreUnresponsiveAgent);
  }

  @Override
  public String perform(TaskContext ctx) throws Exception {
    String name = payload.deployment();
    try (Lock lock = services.locks().acquire(Locks.deploymentLock(name), ctx.taskId(), LOCK_TIMEOUT)) {
      Deployment deployment = services.deployments().find(name).orElseThrow(() -> DeploymentRoutes.notFound(name));
      Instance instance = services.instances().find(payload.instanceId())
          .filter(candidate -> candidate.deploymentId() == deployment.id())
          .orElseThrow(() -> new DirectorException(ErrorCode.INSTANCE_NOT_FOUND, "Instance " + payload.instanceId() + " doesn't exist in deployment '" + name + "'"));
      if (instance.ignored()) {
        // BOSH's words, the missing space after the period included (update_instance.rb)
        throw new DirectorException(ErrorCode.DEPLOYMENT_IGNORED_INSTANCES_MODIFICATION,
            "You are trying to change the state of the ignored instance '" + instance.name() + "'.This operation is not allowed. You need to unignore it first.");
      }
      Steps steps = new Steps(deployment, instance, ctx);
      switch (InstanceAction.parse(payload.action())) {
        case STOP -> steps.stop(payload.hard());
        case START -> steps.start();
        case RESTART, RECREATE -> steps.recorded(payload.hard() ? "recreate" : "restart", () -> {
          steps.stop(payload.hard());
          steps.start();
        });
      }
      return instance.name();
    }
  }

  /** The steps on one instance, each re-reading what the previous one changed. */
  private final class Steps {
    private final Deployment deployment;
    private final Instance instance;
    private final TaskContext ctx;
    private final EventLog.Stage stage;

    Steps(Deployment deployment, Instance instance, TaskContext ctx) {
      this.deployment = deployment;
      this.instance = instance;
      this.ctx = ctx;
      this.stage = ctx.events().stage("Updating instance " + instance.name() + " (" + instance.index() + ")", List.of());
    }

    /** Stops the jobs (drain first unless skipped); {@code hard} then deletes the VM, keeping the persistent disk. */
    void stop(boolean hard) throws Exception {
      Instance current = services.instances().get(instance.id());
      if (current.state().equals("detached") || (current.state().equals("stopped") && !hard)) {
        return;
      }
      ctx.checkpoint();
      Optional<Vm> vm = services.vms().activeFor(instance.id());
      boolean responsive = vm.isPresent() && agentState(vm.get()).isPresent();
      InstanceStateChange.Options options = new InstanceStateChange.Options(payload.skipDrain(), false);
      recorded("stop", () -> {
        stage.track("Stopping instance", () -> {
          if (responsive) {
            change.stopJobs(vm.get(), current, hard ? "shutdown" : "update", options, ctx);
          }
          services.instances().setState(instance.id(), "stopped");
          return null;
        });
        if (hard) {
          ctx.checkpoint();
          stage.track("Deleting VM", () -> {
            if (vm.isPresent()) {
              change.deleteVm(vm.get(), current, ctx);
            }
            services.instances().setState(instance.id(), "detached");
            return null;
          });
        }
      });
    }

    /** Makes a VM when there is none, then starts the jobs unless they already run on a started instance. */
    void start() throws Exception {
      ctx.checkpoint();
      Instance current = services.instances().get(instance.id());
      WatchTime watchTime = updateWatchTime();
      Optional<Vm> vm = services.vms().activeFor(instance.id());
      if (vm.isEmpty()) {
        // Created with the stored spec applied but the jobs not started: "Starting instance" starts them.
        vm = Optional.of(stage.track("Creating VM", () -> {
          services.instanceUpdater().update(deployment.name(), stored.desired(deployment.name(), current, "stopped", false), false, watchTime, ctx);
          return services.vms().activeFor(instance.id()).orElseThrow();
        }));
      } else if (current.state().equals("started") && agentState(vm.get()).filter("running"::equals).isPresent()) {
        return;
      }
      ctx.checkpoint();
      AgentClient agent = services.agents().apply(vm.get());
      recorded("start", () -> stage.track("Starting instance", () -> {
        services.instanceUpdater().startJobs(agent, instance.name(), watchTime, ctx);
        services.instances().setState(instance.id(), "started");
        return null;
      }));
    }

    /**
     * The agent's job_state, or empty when it does not answer and the request said to ignore that; otherwise an
     * agent that does not answer fails the task, naming the instance, as BOSH does.
     */
    private Optional<String> agentState(Vm vm) throws InterruptedException {
      try {
        return Optional.of(services.agents().apply(vm).call("get_state", List.of(), STATE_TIMEOUT).path("job_state").asString(""));
      } catch (AgentException e) {
        if (payload.ignoreUnresponsiveAgent()) {
          ctx.debug("agent of " + instance.name() + " does not answer; going on as ignore_unresponsive_agent asks: " + e.getMessage());
          return Optional.empty();
        }
        throw new IllegalStateException(instance.name() + ": " + e.getMessage(), e);
      }
    }

    /** The update watch time of the instance's group in the stored manifest. */
    private WatchTime updateWatchTime() {
      DeploymentManifest manifest = DeploymentManifest.parse(YamlDocument.parse("manifest of deployment '" + deployment.name() + "'", deployment.manifest()));
      InstanceGroup group = manifest.instanceGroup(instance.group()).orElseThrow(() -> InstanceSelection.groupNotFound(deployment.name(), instance.group()));
      UpdatePolicy policy = group.update().map(manifest.update()::overriddenBy).orElse(manifest.update());
      return policy.updateWatchTime().orElseThrow();
    }

    /** Runs {@code body} between a begin and an end event of {@code action}, the end one carrying any error, as BOSH records them. */
    void recorded(String action, Body body) throws Exception {
      NewEvent event = NewEvent.of(ctx.username(), action, "instance", instance.name()).withDeployment(deployment.name()).withInstance(instance.name()).withTask(ctx.taskId());
      long begin = services.events().record(event);
      try {
        body.run();
      } catch (Exception e) {
        services.events().record(event.withParent(begin).withError(e.getMessage()));
        throw e;
      }
      services.events().record(event.withParent(begin));
    }
  }

  /** A step that may fail. */
  @FunctionalInterface
  private interface Body {
    void run() throws Exception;
  }
}
