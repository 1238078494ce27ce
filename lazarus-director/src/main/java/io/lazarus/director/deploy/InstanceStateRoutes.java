package io.lazarus.director.deploy;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lazarus.core.manifest.CountOrPercent;
import io.lazarus.core.manifest.DeploymentManifest;
import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.api.Requests;
import io.lazarus.director.api.Routes;
import io.lazarus.director.deployments.Deployment;
import io.lazarus.director.deployments.DeploymentRoutes;
import io.lazarus.director.deployments.Deployments;
import io.lazarus.director.instances.Instances;
import io.lazarus.director.tasks.NewTask;
import io.lazarus.director.tasks.TaskQueue;

/**
 * {@code PUT /deployments/D/jobs/G[/ID]?state=started|stopped|detached|restart|recreate} with an empty body, as
 * {@code bosh start|stop|restart|recreate} send it ({@code skip_drain}, {@code fix}, {@code canaries}, {@code
 * max_in_flight}, {@code dry_run} optional): checks the deployment, the group and the instance before any task
 * exists, then starts an {@code update_deployment} task ("create deployment", as BOSH names both) that acts on the
 * stored deployment. BOSH also takes a manifest in the body here; the bosh CLI v7 never sends one (it always PUTs an
 * empty body), so Lazarus refuses a body rather than deploy a manifest on the side.
 */
public final class InstanceStateRoutes implements Routes {
  private static final String DESCRIPTION = DeployJob.DESCRIPTION;

  private final Deployments deployments;
  private final Instances instances;
  private final TaskQueue queue;

  public InstanceStateRoutes(Deployments deployments, Instances instances, TaskQueue queue) {
    this.deployments = deployments;
    this.instances = instances;
    this.queue = queue;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.put("/deployments/{name}/jobs/{group}", ctx -> change(ctx, null));
    routes.put("/deployments/{name}/jobs/{group}/{id}", ctx -> change(ctx, ctx.pathParam("id")));
  }

  private void change(Context ctx, String instance) {
    String name = ctx.pathParam("name");
    Deployment deployment = deployments.find(name).orElseThrow(() -> DeploymentRoutes.notFound(name));
    TargetState state = TargetState.parse(ctx.queryParam("state"));
    if (!ctx.body().isBlank()) {
      throw new DirectorException(ErrorCode.VALIDATION_INVALID_VALUE, "request body must be empty: instance states are changed on the stored manifest of deployment '" + name + "'");
    }
    String group = ctx.pathParam("group");
    if (instance != null && group.equals(InstanceSelection.ALL)) {
      throw new DirectorException(ErrorCode.VALIDATION_INVALID_VALUE, "an instance id needs an instance group, not '*'");
    }
    DeploymentManifest manifest = DeploymentManifest.parse(YamlDocument.parse("manifest of deployment '" + name + "'", deployment.manifest()));
    InstanceSelection selection = new InstanceSelection(name, group, instance);
    selection.groups(manifest).forEach(g -> selection.instancesOf(g.name(), instances.list(deployment.id())));
    String canaries = countOrPercent(ctx, "canaries");
    String maxInFlight = countOrPercent(ctx, "max_in_flight");
    boolean dryRun = Requests.flag(ctx, "dry_run");
    var payload = InstanceStateJob.payload(name, group, instance, state, Requests.flag(ctx, "skip_drain"), Requests.flag(ctx, "fix"), canaries, maxInFlight, dryRun);
    String description = dryRun ? DESCRIPTION + " (dry run)" : DESCRIPTION;
    Requests.redirectToTask(ctx, queue.enqueue(NewTask.of(DeployJob.TYPE, description, Requests.username(ctx), name, Requests.contextId(ctx), payload)));
  }

  /** {@code canaries} / {@code max_in_flight}: a count or a percentage; garbage is a 400 naming the parameter. */
  static String countOrPercent(Context ctx, String parameter) {
    String value = ctx.queryParam(parameter);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return CountOrPercent.parse(value).toString();
    } catch (IllegalArgumentException e) {
      throw new DirectorException(ErrorCode.VALIDATION_INVALID_VALUE, "query parameter '" + parameter + "': " + e.getMessage());
    }
  }
}
