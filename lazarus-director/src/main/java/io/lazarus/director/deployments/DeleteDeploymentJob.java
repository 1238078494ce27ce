package io.lazarus.director.deployments;

import io.lazarus.core.json.Json;
import io.lazarus.director.events.Events;
import io.lazarus.director.events.NewEvent;
import io.lazarus.director.locks.Lock;
import io.lazarus.director.locks.Locks;
import io.lazarus.director.tasks.Job;
import io.lazarus.director.tasks.JobFactory;
import io.lazarus.director.tasks.Task;
import io.lazarus.director.tasks.TaskContext;
import java.time.Duration;

/** Task {@code delete_deployment}: under the deployment lock, deletes the deployment's rows and records the event. */
public final class DeleteDeploymentJob implements Job {
  public static final String TYPE = "delete_deployment";
  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);

  /** The task payload. {@code force} will let instance deletion ignore unreachable agents and CPI errors. */
  record Payload(String name, boolean force) {}

  private final Payload payload;
  private final Deployments deployments;
  private final Locks locks;
  private final Events events;

  private DeleteDeploymentJob(Payload payload, Deployments deployments, Locks locks, Events events) {
    this.payload = payload;
    this.deployments = deployments;
    this.locks = locks;
    this.events = events;
  }

  public static JobFactory factory(Deployments deployments, Locks locks, Events events) {
    return (Task task) -> new DeleteDeploymentJob(Json.read(task.payload(), Payload.class), deployments, locks, events);
  }

  @Override
  public String perform(TaskContext ctx) throws Exception {
    String name = payload.name();
    NewEvent event = NewEvent.of(ctx.username(), "delete", "deployment", name).withDeployment(name).withTask(ctx.taskId());
    try (Lock lock = locks.acquire(Locks.deploymentLock(name), ctx.taskId(), LOCK_TIMEOUT)) {
      if (deployments.find(name).isEmpty()) {
        throw DeploymentRoutes.notFound(name);
      }
      ctx.checkpoint();
      // Deployments have no VMs yet in this release of Lazarus; when the deployer lands, the instances (VMs, disks,
      // DNS records) are deleted here, in a "Deleting instances" stage, before the rows go.
      ctx.events().track("Removing deployment artifacts", "Detaching stemcells and releases", () -> deployments.delete(name));
      events.record(event);
      return "/deployments/" + name;
    } catch (Exception e) {
      events.record(event.withError(e.getMessage()));
      throw e;
    }
  }
}
