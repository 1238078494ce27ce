package io.lazarus.director.deployments;

import io.lazarus.core.json.Json;
import io.lazarus.director.deploy.InFlight;
import io.lazarus.director.deploy.InstanceDeleter;
import io.lazarus.director.events.Events;
import io.lazarus.director.events.NewEvent;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.Instances;
import io.lazarus.director.locks.Lock;
import io.lazarus.director.locks.Locks;
import io.lazarus.director.tasks.Job;
import io.lazarus.director.tasks.EventLog;
import io.lazarus.director.tasks.JobFactory;
import io.lazarus.director.tasks.Task;
import io.lazarus.director.tasks.TaskContext;
import java.time.Duration;
import java.util.List;

/**
 * Task {@code delete_deployment}: under the deployment lock, deletes every instance (jobs stopped, VM deleted, disks
 * kept as orphans, IPs released), then the deployment's rows, and records the event.
 */
public final class DeleteDeploymentJob implements Job {
  public static final String TYPE = "delete_deployment";
  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);
  private static final int PARALLEL_DELETES = 10;

  /** The task payload. {@code force} lets instance deletion go past unreachable agents and CPI errors. */
  record Payload(String name, boolean force) {}

  private final Payload payload;
  private final Deployments deployments;
  private final Instances instances;
  private final InstanceDeleter deleter;
  private final Locks locks;
  private final Events events;

  private DeleteDeploymentJob(Payload payload, Deployments deployments, Instances instances, InstanceDeleter deleter, Locks locks, Events events) {
    this.payload = payload;
    this.deployments = deployments;
    this.instances = instances;
    this.deleter = deleter;
    this.locks = locks;
    this.events = events;
  }

  public static JobFactory factory(Deployments deployments, Instances instances, InstanceDeleter deleter, Locks locks, Events events) {
    return (Task task) -> new DeleteDeploymentJob(Json.read(task.payload(), Payload.class), deployments, instances, deleter, locks, events);
  }

  @Override
  public String perform(TaskContext ctx) throws Exception {
    String name = payload.name();
    NewEvent event = NewEvent.of(ctx.username(), "delete", "deployment", name).withDeployment(name).withTask(ctx.taskId());
    try (Lock lock = locks.acquire(Locks.deploymentLock(name), ctx.taskId(), LOCK_TIMEOUT)) {
      Deployment deployment = deployments.find(name).orElseThrow(() -> DeploymentRoutes.notFound(name));
      ctx.checkpoint();
      List<Instance> all = instances.list(deployment.id());
      if (!all.isEmpty()) {
        EventLog.Stage stage = ctx.events().stage("Deleting instances", all.size(), List.of());
        InFlight.run(stage, all, PARALLEL_DELETES, instance -> instance.name() + " (" + instance.index() + ")", instance -> deleter.delete(instance, name, payload.force(), ctx));
      }
      ctx.events().track("Removing deployment artifacts", "Detaching stemcells and releases", () -> deployments.delete(name));
      events.record(event);
      return "/deployments/" + name;
    } catch (Exception e) {
      events.record(event.withError(e.getMessage()));
      throw e;
    }
  }
}
