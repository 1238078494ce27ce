package io.lazarus.director.cloudcheck;

import io.lazarus.core.json.Json;
import io.lazarus.director.deployments.Deployment;
import io.lazarus.director.deployments.DeploymentRoutes;
import io.lazarus.director.events.NewEvent;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.PersistentDisk;
import io.lazarus.director.locks.Lock;
import io.lazarus.director.tasks.Job;
import io.lazarus.director.tasks.JobFactory;
import io.lazarus.director.tasks.Task;
import io.lazarus.director.tasks.TaskContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Resurrector's "scan and fix": under the deployment lock (not waited for), rescans only the listed instances'
 * VMs (without the stateful ones unless {@code fix_stateful_nodes}) and recreates, waiting for their processes,
 * every one found missing or unresponsive that is not ignored. Any failed recreate fails the task.
 */
public final class ScanAndFixJob implements Job {
  public static final String TYPE = "cck_scan_and_fix";
  public static final String DESCRIPTION = "scan and fix";

  /** {@code jobs}: pairs of instance group and index-or-uuid, as BOSH's job arguments. */
  record Payload(String deployment, List<List<String>> jobs, boolean fixStatefulNodes) {}

  private final Payload payload;
  private final CloudCheckServices services;

  private ScanAndFixJob(Payload payload, CloudCheckServices services) {
    this.payload = payload;
    this.services = services;
  }

  public static JobFactory factory(CloudCheckServices services) {
    return (Task task) -> new ScanAndFixJob(Json.read(task.payload(), Payload.class), services);
  }

  static Map<String, Object> payload(String deployment, List<List<String>> jobs, boolean fixStatefulNodes) {
    return Map.of("deployment", deployment, "jobs", jobs, "fix_stateful_nodes", fixStatefulNodes);
  }

  @Override
  public String perform(TaskContext ctx) throws Exception {
    String name = payload.deployment();
    NewEvent event = NewEvent.of(ctx.username(), "scan and fix", "deployment", name).withDeployment(name).withTask(ctx.taskId());
    try (Lock lock = DeploymentLocking.withoutWaiting(services.locks(), name, ctx.taskId())) {
      Deployment deployment = services.deployments().find(name).orElseThrow(() -> DeploymentRoutes.notFound(name));
      List<Instance> instances = filter(listed(deployment));
      services.problems().closeOpenOfInstances(deployment.id(), instances.stream().map(Instance::id).toList());
      new VmScan(services).scan(deployment.id(), VmExpectations.of(deployment).expectingVm(instances), ctx);
      Map<Long, String> resolutions = recreations(deployment, instances);
      ProblemResolver.Outcome outcome = new ProblemResolver(services).apply(deployment, resolutions, Map.of(), ctx);
      if (!outcome.errors().isEmpty()) {
        throw new IllegalStateException(String.join("\n", outcome.errors()));
      }
      services.events().record(event.withContext(Map.of("resolved", outcome.resolved())));
      return "scan and fix complete";
    } catch (Exception e) {
      services.events().record(event.withError(e.getMessage()));
      throw e;
    }
  }

  private List<Instance> listed(Deployment deployment) {
    return payload.jobs().stream()
        .map(pair -> services.instances().find(deployment.id(), pair.get(0), pair.get(1)))
        .flatMap(Optional::stream)
        .distinct()
        .toList();
  }

  /** Without fix_stateful_nodes, instances with an active persistent disk are left alone (S1). */
  List<Instance> filter(List<Instance> instances) {
    if (payload.fixStatefulNodes()) {
      return instances;
    }
    return instances.stream().filter(instance -> services.disks().forInstance(instance.id()).stream().noneMatch(PersistentDisk::active)).toList();
  }

  /** recreate_vm for each open missing_vm or unresponsive_agent problem of a listed, not ignored instance (S3, S4). */
  private Map<Long, String> recreations(Deployment deployment, List<Instance> instances) {
    Map<Long, Instance> byId = new LinkedHashMap<>();
    instances.stream().filter(instance -> !instance.ignored()).forEach(instance -> byId.put(instance.id(), instance));
    Map<Long, String> resolutions = new LinkedHashMap<>();
    for (Problem problem : services.problems().open(deployment.id())) {
      if (ProblemTypes.VM_TYPES.contains(problem.type()) && byId.containsKey(problem.resourceId())) {
        resolutions.put(problem.id(), Resolution.RECREATE_VM.name());
      }
    }
    return resolutions;
  }
}
