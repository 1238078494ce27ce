package io.lazarus.director.deploy;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lazarus.director.api.Requests;
import io.lazarus.director.api.Routes;
import io.lazarus.director.deployments.Deployment;
import io.lazarus.director.deployments.DeploymentRoutes;
import io.lazarus.director.deployments.Deployments;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.Instances;
import io.lazarus.director.tasks.NewTask;
import io.lazarus.director.tasks.TaskQueue;

/**
 * {@code POST /deployments/D/instance_groups/G/ID/actions/start|stop|restart|recreate}, as {@code bosh start|stop|
 * restart|recreate --no-converge G/ID} sends it ({@code skip_drain}, {@code hard} for stop, {@code
 * ignore_unresponsive_agent} optional): checks the deployment and the instance before any task exists, then starts an
 * {@code update_instance} task ("stop instance", ...) that acts on that instance alone.
 */
public final class InstanceActionRoutes implements Routes {
  private final Deployments deployments;
  private final Instances instances;
  private final TaskQueue queue;

  public InstanceActionRoutes(Deployments deployments, Instances instances, TaskQueue queue) {
    this.deployments = deployments;
    this.instances = instances;
    this.queue = queue;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.post("/deployments/{name}/instance_groups/{group}/{id}/actions/{action}", this::act);
  }

  private void act(Context ctx) {
    String name = ctx.pathParam("name");
    Deployment deployment = deployments.find(name).orElseThrow(() -> DeploymentRoutes.notFound(name));
    InstanceAction action = InstanceAction.parse(ctx.pathParam("action"));
    String group = ctx.pathParam("group");
    String id = ctx.pathParam("id");
    Instance instance = instances.find(deployment.id(), group, id).orElseThrow(() -> InstanceSelection.instanceNotFound(name, group, id));
    // BOSH runs recreate as a restart that deletes the VM on the way ("hard"); only stop takes hard from the request.
    boolean hard = action == InstanceAction.RECREATE || (action == InstanceAction.STOP && Requests.flag(ctx, "hard"));
    var payload = InstanceActionJob.payload(name, instance.id(), action, hard, Requests.flag(ctx, "skip_drain"), Requests.flag(ctx, "ignore_unresponsive_agent"));
    Requests.redirectToTask(ctx, queue.enqueue(NewTask.of(InstanceActionJob.TYPE, action.description(), Requests.username(ctx), name, Requests.contextId(ctx), payload)));
  }
}
