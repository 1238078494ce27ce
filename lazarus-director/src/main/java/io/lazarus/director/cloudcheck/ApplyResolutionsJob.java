package io.lazarus.director.cloudcheck;

import io.lazarus.core.json.Json;
import io.lazarus.director.deployments.Deployment;
import io.lazarus.director.deployments.DeploymentRoutes;
import io.lazarus.director.events.NewEvent;
import io.lazarus.director.locks.Lock;
import io.lazarus.director.locks.Locks;
import io.lazarus.director.tasks.Job;
import io.lazarus.director.tasks.JobFactory;
import io.lazarus.director.tasks.Task;
import io.lazarus.director.tasks.TaskContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code bosh cck}'s second task ("apply resolutions"): applies the operator's choices under the deployment lock. */
public final class ApplyResolutionsJob implements Job {
  public static final String TYPE = "cck_apply";
  public static final String DESCRIPTION = "apply resolutions";
  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);

  /** {@code resolutions}: problem id to resolution name or null (the automatic one). */
  record Payload(String deployment, Map<String, String> resolutions, Map<String, String> maxInFlightOverrides) {}

  private final Payload payload;
  private final CloudCheckServices services;

  private ApplyResolutionsJob(Payload payload, CloudCheckServices services) {
    this.payload = payload;
    this.services = services;
  }

  public static JobFactory factory(CloudCheckServices services) {
    return (Task task) -> new ApplyResolutionsJob(Json.read(task.payload(), Payload.class), services);
  }

  static Map<String, Object> payload(String deployment, Map<Long, String> resolutions, Map<String, String> maxInFlightOverrides) {
    Map<String, String> byId = new LinkedHashMap<>();
    resolutions.forEach((id, name) -> byId.put(Long.toString(id), name));
    Map<String, Object> payload = new HashMap<>();
    payload.put("deployment", deployment);
    payload.put("resolutions", byId);
    payload.put("max_in_flight_overrides", maxInFlightOverrides);
    return payload;
  }

  @Override
  public String perform(TaskContext ctx) throws Exception {
    String name = payload.deployment();
    NewEvent event = NewEvent.of(ctx.username(), "apply resolutions", "deployment", name).withDeployment(name).withTask(ctx.taskId());
    try (Lock lock = services.locks().acquire(Locks.deploymentLock(name), ctx.taskId(), LOCK_TIMEOUT)) {
      Deployment deployment = services.deployments().find(name).orElseThrow(() -> DeploymentRoutes.notFound(name));
      Map<Long, String> resolutions = new LinkedHashMap<>();
      payload.resolutions().forEach((id, resolution) -> resolutions.put(Long.parseLong(id), resolution));
      Map<String, String> overrides = payload.maxInFlightOverrides() == null ? Map.of() : payload.maxInFlightOverrides();
      ProblemResolver.Outcome outcome = new ProblemResolver(services).apply(deployment, resolutions, overrides, ctx);
      if (!outcome.errors().isEmpty()) {
        throw new IllegalStateException(String.join("\n", outcome.errors()));
      }
      services.events().record(event.withContext(Map.of("resolved", outcome.resolved())));
      return outcome.resolved() + " resolved";
    } catch (Exception e) {
      services.events().record(event.withError(e.getMessage()));
      throw e;
    }
  }
}
