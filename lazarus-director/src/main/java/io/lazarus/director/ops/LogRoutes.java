package io.lazarus.director.ops;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.api.Requests;
import io.lazarus.director.api.Routes;
import io.lazarus.director.blobstore.Blobstore;
import io.lazarus.director.deployments.Deployment;
import io.lazarus.director.deployments.DeploymentRoutes;
import io.lazarus.director.deployments.Deployments;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.Instances;
import io.lazarus.director.instances.Vms;
import io.lazarus.director.tasks.NewTask;
import io.lazarus.director.tasks.TaskQueue;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /deployments/D/jobs/G/ID/logs?type=job|agent[&filters=a,b]} starts a "fetch logs" task for the instances
 * it names that have a VM: one instance, or with {@code *} for the id a whole group, and with {@code *} for both every
 * instance (what the bosh CLI sends for {@code bosh logs} without an instance); {@code GET /resources/<id>} streams a
 * blob (a log bundle) to an authenticated user.
 */
public final class LogRoutes implements Routes {
  private final Deployments deployments;
  private final Instances instances;
  private final Vms vms;
  private final Blobstore blobstore;
  private final TaskQueue queue;

  public LogRoutes(Deployments deployments, Instances instances, Vms vms, Blobstore blobstore, TaskQueue queue) {
    this.deployments = deployments;
    this.instances = instances;
    this.vms = vms;
    this.blobstore = blobstore;
    this.queue = queue;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/deployments/{name}/jobs/{group}/{id}/logs", this::fetchLogs);
    routes.get("/resources/{id}", this::resource);
  }

  /** Admins only, as in BOSH: the bundles may hold whatever the jobs logged. */
  private void fetchLogs(Context ctx) {
    requireAdmin(ctx);
    String name = ctx.pathParam("name");
    Deployment deployment = deployments.find(name).orElseThrow(() -> DeploymentRoutes.notFound(name));
    String type = ctx.queryParam("type") == null ? "job" : ctx.queryParam("type").strip();
    if (!type.equals("job") && !type.equals("agent")) {
      throw new DirectorException(ErrorCode.VALIDATION_INVALID_VALUE, "query parameter 'type' must be 'job' or 'agent', got '" + type + "'");
    }
    List<Long> withVms = selected(deployment, ctx.pathParam("group"), ctx.pathParam("id")).stream()
        .filter(instance -> vms.activeFor(instance.id()).isPresent())
        .map(Instance::id)
        .toList();
    if (withVms.isEmpty()) {
      throw new DirectorException(ErrorCode.INSTANCE_NOT_FOUND, "No appropriate instance with a VM was found in deployment '" + name + "'");
    }
    List<String> filters = filters(ctx.queryParam("filters"));
    NewTask task = NewTask.of(FetchLogsJob.TYPE, FetchLogsJob.DESCRIPTION, Requests.username(ctx), name, Requests.contextId(ctx), FetchLogsJob.payload(name, withVms, type, filters));
    Requests.redirectToTask(ctx, queue.enqueue(task));
  }

  /** The instances {@code group} and {@code id} name, {@code *} meaning any; one named by index or uuid must exist. */
  private List<Instance> selected(Deployment deployment, String group, String id) {
    boolean anyGroup = group.equals("*");
    boolean anyId = id.equals("*");
    if (!anyGroup && !anyId) {
      return List.of(instances.find(deployment.id(), group, id).orElseThrow(() -> instanceNotFound(deployment.name(), group, id)));
    }
    return instances.list(deployment.id()).stream()
        .filter(instance -> anyGroup || instance.group().equals(group))
        .filter(instance -> anyId || instance.uuid().equals(id))
        .toList();
  }

  /** BOSH splits {@code filters} on commas and white space. */
  private static List<String> filters(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.strip().split("[\\s,]+")).filter(filter -> !filter.isEmpty()).toList();
  }

  /** Admins only: the blobstore also holds rendered templates, whose secrets readers must not see. */
  private void resource(Context ctx) throws IOException {
    requireAdmin(ctx);
    String id = ctx.pathParam("id");
    if (!id.matches("[0-9a-f-]{36}") || !blobstore.exists(id)) {
      throw new DirectorException(ErrorCode.RESOURCE_NOT_FOUND, "Resource '" + id + "' not found");
    }
    ctx.contentType("application/octet-stream");
    ctx.disableCompression(); // Content-Length counts the stored bytes: no gzip (the Go client asks for it)
    ctx.header("Content-Length", String.valueOf(Files.size(blobstore.path(id))));
    ctx.result(Files.newInputStream(blobstore.path(id)));
  }

  private static void requireAdmin(Context ctx) {
    if (!Requests.principal(ctx).admin()) {
      throw new DirectorException(ErrorCode.UNAUTHORIZED, "Require one of the scopes: bosh.admin");
    }
  }

  static DirectorException instanceNotFound(String deployment, String group, String id) {
    return new DirectorException(ErrorCode.INSTANCE_NOT_FOUND, "'" + deployment + "/" + group + "/" + id + "' doesn't exist");
  }
}
