package io.lazarus.director.cloudcheck;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lazarus.core.manifest.CountOrPercent;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.api.Requests;
import io.lazarus.director.api.Routes;
import io.lazarus.director.deployments.Deployment;
import io.lazarus.director.deployments.DeploymentRoutes;
import io.lazarus.director.resurrection.ResurrectionPause;
import io.lazarus.director.tasks.NewTask;
import io.lazarus.director.tasks.TaskQueue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cloud check's API, as BOSH's deployments controller: {@code POST /deployments/D/scans}, {@code GET|PUT
 * /deployments/D/problems} and {@code PUT /deployments/D/scan_and_fix}. Requests with a body need
 * {@code Content-Type: application/json}; without it no route matches (404), as BOSH answers.
 */
public final class CloudCheckRoutes implements Routes {
  private final CloudCheckServices services;
  private final ResurrectionPause pause;
  private final TaskQueue queue;

  public CloudCheckRoutes(CloudCheckServices services, ResurrectionPause pause, TaskQueue queue) {
    this.services = services;
    this.pause = pause;
    this.queue = queue;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.post("/deployments/{name}/scans", this::scan);
    routes.get("/deployments/{name}/problems", this::problems);
    routes.put("/deployments/{name}/problems", this::applyResolutions);
    routes.put("/deployments/{name}/scan_and_fix", this::scanAndFix);
  }

  private void scan(Context ctx) {
    requireJson(ctx);
    Deployment deployment = deployment(ctx);
    enqueue(ctx, ScanJob.TYPE, ScanJob.DESCRIPTION, deployment, ScanJob.payload(deployment.name()));
  }

  private void problems(Context ctx) {
    Deployment deployment = deployment(ctx);
    ProblemHandlers handlers = new ProblemHandlers(services, new Fixes(services, deployment));
    List<Map<String, Object>> list = new ArrayList<>();
    for (Problem problem : services.problems().open(deployment.id())) {
      ProblemHandler handler = handlers.of(problem);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", problem.id());
      entry.put("type", problem.type());
      entry.put("data", problem.data());
      entry.put("description", handler.description());
      entry.put("resolutions", handler.resolutions());
      entry.put("instance_group", problem.instanceGroup());
      list.add(entry);
    }
    ctx.json(list);
  }

  private void applyResolutions(Context ctx) {
    requireJson(ctx);
    Deployment deployment = deployment(ctx);
    Map<String, Object> body = Requests.jsonObject(ctx);
    if (!(body.get("resolutions") instanceof Map<?, ?> given)) {
      throw new DirectorException(ErrorCode.CLOUDCHECK_INVALID_RESOLUTION_FORMAT, "Invalid format for resolutions: 'resolutions' must be an object of problem id to resolution name");
    }
    Map<Long, String> resolutions = new LinkedHashMap<>();
    given.forEach((id, name) -> {
      if (name != null && !(name instanceof String)) {
        throw new DirectorException(ErrorCode.CLOUDCHECK_INVALID_RESOLUTION_FORMAT, "Invalid format for resolutions: the resolution of problem '" + id + "' must be a name or null");
      }
      resolutions.put(problemId(String.valueOf(id)), (String) name);
    });
    Map<String, String> overrides = overrides(body.get("max_in_flight_overrides"));
    enqueue(ctx, ApplyResolutionsJob.TYPE, ApplyResolutionsJob.DESCRIPTION, deployment, ApplyResolutionsJob.payload(deployment.name(), resolutions, overrides));
  }

  /**
   * BOSH's checks, in its order: the deployment exists (404), resurrection is not paused (400, 410004), and at
   * least one listed instance exists and is not ignored (404, 70001).
   */
  private void scanAndFix(Context ctx) {
    requireJson(ctx);
    Deployment deployment = deployment(ctx);
    if (pause.state().paused()) {
      throw new DirectorException(ErrorCode.RESURRECTOR_PAUSED, "Resurrector is paused");
    }
    List<List<String>> jobs = listedInstances(Requests.jsonObject(ctx).get("jobs"));
    boolean anyToFix = jobs.stream()
        .map(pair -> services.instances().find(deployment.id(), pair.get(0), pair.get(1)))
        .flatMap(Optional::stream)
        .anyMatch(instance -> !instance.ignored());
    if (!anyToFix) {
      throw new DirectorException(ErrorCode.INSTANCE_NOT_FOUND, "No instances to scan and fix in deployment '" + deployment.name() + "': the listed instances do not exist or are ignored");
    }
    boolean fixStateful = services.scanAndFix().autoFixStatefulNodes();
    enqueue(ctx, ScanAndFixJob.TYPE, ScanAndFixJob.DESCRIPTION, deployment, ScanAndFixJob.payload(deployment.name(), jobs, fixStateful));
  }

  /** {@code {"<ig>": ["<index or uuid>", ...]}} as pairs; an index may come as a number. */
  private static List<List<String>> listedInstances(Object value) {
    if (!(value instanceof Map<?, ?> groups)) {
      throw new DirectorException(ErrorCode.VALIDATION_INVALID_TYPE, "field 'jobs' must be an object of instance group to a list of instance indexes or ids");
    }
    List<List<String>> pairs = new ArrayList<>();
    groups.forEach((group, ids) -> {
      if (!(ids instanceof List<?> list)) {
        throw new DirectorException(ErrorCode.VALIDATION_INVALID_TYPE, "field 'jobs." + group + "' must be a list of instance indexes or ids");
      }
      for (Object id : list) {
        if (!(id instanceof String) && !(id instanceof Number)) {
          throw new DirectorException(ErrorCode.VALIDATION_INVALID_TYPE, "field 'jobs." + group + "' must hold instance indexes or ids, got " + id);
        }
        pairs.add(List.of(String.valueOf(group), String.valueOf(id)));
      }
    });
    return pairs;
  }

  private static Map<String, String> overrides(Object value) {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> given)) {
      throw new DirectorException(ErrorCode.VALIDATION_INVALID_TYPE, "field 'max_in_flight_overrides' must be an object of instance group to a count or percentage");
    }
    Map<String, String> overrides = new LinkedHashMap<>();
    given.forEach((group, limit) -> {
      try {
        overrides.put(String.valueOf(group), CountOrPercent.parse(String.valueOf(limit)).toString());
      } catch (IllegalArgumentException e) {
        throw new DirectorException(ErrorCode.VALIDATION_INVALID_VALUE, "field 'max_in_flight_overrides." + group + "': " + e.getMessage());
      }
    });
    return overrides;
  }

  private static long problemId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new DirectorException(ErrorCode.CLOUDCHECK_INVALID_RESOLUTION_FORMAT, "Invalid format for resolutions: problem id '" + id + "' is not a number");
    }
  }

  /** As BOSH's routes with {@code consumes: :json}: another content type matches no route. */
  private static void requireJson(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new DirectorException(ErrorCode.RESOURCE_NOT_FOUND, "Endpoint '" + ctx.path() + "' not found");
    }
  }

  private Deployment deployment(Context ctx) {
    String name = ctx.pathParam("name");
    return services.deployments().find(name).orElseThrow(() -> DeploymentRoutes.notFound(name));
  }

  private void enqueue(Context ctx, String type, String description, Deployment deployment, Map<String, Object> payload) {
    Requests.redirectToTask(ctx, queue.enqueue(NewTask.of(type, description, Requests.username(ctx), deployment.name(), Requests.contextId(ctx), payload)));
  }
}
