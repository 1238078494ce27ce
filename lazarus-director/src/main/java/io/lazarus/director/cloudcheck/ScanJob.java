package io.lazarus.director.cloudcheck;

import io.lazarus.core.json.Json;
import io.lazarus.director.deployments.Deployment;
import io.lazarus.director.deployments.DeploymentRoutes;
import io.lazarus.director.events.NewEvent;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.locks.Lock;
import io.lazarus.director.tasks.Job;
import io.lazarus.director.tasks.JobFactory;
import io.lazarus.director.tasks.Task;
import io.lazarus.director.tasks.TaskContext;
import java.util.List;
import java.util.Map;

/**
 * {@code bosh cck}'s scan ("scan cloud"): under the deployment lock (not waited for), closes the deployment's open
 * problems, scans every VM that should exist, then every persistent disk, registering what it finds.
 */
public final class ScanJob implements Job {
  public static final String TYPE = "cck_scan";
  public static final String DESCRIPTION = "scan cloud";

  record Payload(String deployment) {}

  private final Payload payload;
  private final CloudCheckServices services;

  private ScanJob(Payload payload, CloudCheckServices services) {
    this.payload = payload;
    this.services = services;
  }

  public static JobFactory factory(CloudCheckServices services) {
    return (Task task) -> new ScanJob(Json.read(task.payload(), Payload.class), services);
  }

  static Map<String, Object> payload(String deployment) {
    return Map.of("deployment", deployment);
  }

  @Override
  public String perform(TaskContext ctx) throws Exception {
    String name = payload.deployment();
    NewEvent event = NewEvent.of(ctx.username(), "scan", "deployment", name).withDeployment(name).withTask(ctx.taskId());
    try (Lock lock = DeploymentLocking.withoutWaiting(services.locks(), name, ctx.taskId())) {
      Deployment deployment = services.deployments().find(name).orElseThrow(() -> DeploymentRoutes.notFound(name));
      services.problems().closeOpen(deployment.id());
      List<Instance> instances = services.instances().list(deployment.id());
      DiskOwners owners = new VmScan(services).scan(deployment.id(), VmExpectations.of(deployment).expectingVm(instances), ctx);
      new DiskScan(services).scan(deployment.id(), instances, owners, ctx);
      services.events().record(event);
      return "scan complete";
    } catch (Exception e) {
      services.events().record(event.withError(e.getMessage()));
      throw e;
    }
  }
}
