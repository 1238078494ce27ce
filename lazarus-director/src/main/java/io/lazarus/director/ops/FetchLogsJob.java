package io.lazarus.director.ops;

import io.lazarus.core.json.Json;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.agent.AgentClient;
import io.lazarus.director.blobstore.Blobstore;
import io.lazarus.director.deployments.Deployment;
import io.lazarus.director.deployments.DeploymentRoutes;
import io.lazarus.director.deployments.Deployments;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.Instances;
import io.lazarus.director.instances.Vm;
import io.lazarus.director.instances.Vms;
import io.lazarus.director.tasks.Job;
import io.lazarus.director.tasks.JobFactory;
import io.lazarus.director.tasks.Task;
import io.lazarus.director.tasks.TaskContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Task {@code fetch_logs} ("fetch logs"), behind {@code bosh logs}: asks the instance's agent to bundle its job (or
 * agent) logs matching the filters and upload the tgz to the Director's blobstore; the task's result is the blob's
 * id, which {@code GET /resources/<id>} serves.
 */
public final class FetchLogsJob implements Job {
  public static final String TYPE = "fetch_logs";
  public static final String DESCRIPTION = "fetch logs";

  /** The task payload: the instance by group and uuid or index, the log type ({@code job} or {@code agent}). */
  record Payload(String deployment, String group, String instance, String type, List<String> filters) {}

  /** What the job uses. */
  public record Services(Deployments deployments, Instances instances, Vms vms, Blobstore blobstore, Function<Vm, AgentClient> agents) {}

  private final Payload payload;
  private final Services services;

  private FetchLogsJob(Payload payload, Services services) {
    this.payload = payload;
    this.services = services;
  }

  public static JobFactory factory(Services services) {
    return (Task task) -> new FetchLogsJob(Json.read(task.payload(), Payload.class), services);
  }

  static Map<String, Object> payload(String deployment, String group, String instance, String type, List<String> filters) {
    return Map.of("deployment", deployment, "group", group, "instance", instance, "type", type, "filters", filters);
  }

  @Override
  public String perform(TaskContext ctx) throws Exception {
    Deployment deployment = services.deployments().find(payload.deployment()).orElseThrow(() -> DeploymentRoutes.notFound(payload.deployment()));
    Instance instance = services.instances().find(deployment.id(), payload.group(), payload.instance())
        .orElseThrow(() -> LogRoutes.instanceNotFound(deployment.name(), payload.group(), payload.instance()));
    Vm vm = services.vms().activeFor(instance.id())
        .orElseThrow(() -> new DirectorException(ErrorCode.INSTANCE_NOT_FOUND, "'" + instance.name() + " (" + instance.index() + ")' doesn't reference a VM"));
    return ctx.events().track("Fetching logs for " + instance.name() + " (" + instance.index() + ")", "Finding and packing log files", () -> {
      JsonNode bundle = services.agents().apply(vm).run("fetch_logs", List.of(payload.type(), payload.filters()), ctx::cancelRequested);
      String blobId = bundle == null ? "" : bundle.path("blobstore_id").asString("");
      if (blobId.isEmpty() || !blobId.matches("[0-9a-f-]{36}") || !services.blobstore().exists(blobId)) {
        throw new IllegalStateException("agent of " + instance.name() + " answered fetch_logs with " + bundle + ", which names no blob in the Director's blobstore");
      }
      return blobId;
    });
  }
}
