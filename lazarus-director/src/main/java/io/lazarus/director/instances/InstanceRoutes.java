package io.lazarus.director.instances;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.api.Requests;
import io.lazarus.director.api.Routes;
import io.lazarus.director.deployments.Deployment;
import io.lazarus.director.deployments.DeploymentRoutes;
import io.lazarus.director.deployments.Deployments;
import io.lazarus.director.events.Events;
import io.lazarus.director.events.NewEvent;
import io.lazarus.director.tasks.NewTask;
import io.lazarus.director.tasks.TaskQueue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /deployments/D/vms} and {@code .../instances} (a task with {@code format=full}, as the bosh CLI asks;
 * a plain list without, which adds Lazarus' {@code ignore}, {@code state} and {@code disk_cid} for the Health
 * Monitor), and {@code PUT /deployments/D/instance_groups/G/ID/ignore}.
 */
public final class InstanceRoutes implements Routes {
  private final Deployments deployments;
  private final Instances instances;
  private final Vms vms;
  private final PersistentDisks disks;
  private final Events events;
  private final TaskQueue queue;

  public InstanceRoutes(Deployments deployments, Instances instances, Vms vms, PersistentDisks disks, Events events, TaskQueue queue) {
    this.deployments = deployments;
    this.instances = instances;
    this.vms = vms;
    this.disks = disks;
    this.events = events;
    this.queue = queue;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/deployments/{name}/vms", ctx -> states(ctx, false));
    routes.get("/deployments/{name}/instances", ctx -> states(ctx, true));
    routes.put("/deployments/{name}/instance_groups/{group}/{id}/ignore", this::ignore);
  }

  private void states(Context ctx, boolean includeInstancesWithoutVm) {
    Deployment deployment = deployment(ctx);
    if ("full".equals(ctx.queryParam("format"))) {
      NewTask task = NewTask.of(VmStateJob.TYPE, VmStateJob.DESCRIPTION, Requests.username(ctx), deployment.name(), Requests.contextId(ctx), VmStateJob.payload(deployment.name(), includeInstancesWithoutVm));
      Requests.redirectToTask(ctx, queue.enqueue(task));
      return;
    }
    List<Map<String, Object>> list = new ArrayList<>();
    for (Instance instance : instances.list(deployment.id())) {
      Optional<Vm> vm = vms.activeFor(instance.id());
      if (vm.isEmpty() && !includeInstancesWithoutVm) {
        continue;
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("agent_id", vm.map(Vm::agentId).orElse(null));
      entry.put("cid", vm.map(Vm::cid).orElse(null));
      entry.put("job", instance.group());
      entry.put("index", instance.index());
      entry.put("id", instance.uuid());
      entry.put("az", instance.az());
      entry.put("expects_vm", !"detached".equals(instance.state()));
      entry.put("ignore", instance.ignored());
      entry.put("state", instance.state());
      entry.put("disk_cid", disks.forInstance(instance.id()).stream().filter(PersistentDisk::active).map(PersistentDisk::cid).findFirst().orElse(null));
      list.add(entry);
    }
    ctx.json(list);
  }

  private void ignore(Context ctx) {
    Deployment deployment = deployment(ctx);
    String group = ctx.pathParam("group");
    String id = ctx.pathParam("id");
    Instance instance = instances.find(deployment.id(), group, id)
        .orElseThrow(() -> new DirectorException(ErrorCode.INSTANCE_NOT_FOUND, "Instance '" + group + "/" + id + "' doesn't exist"));
    Object ignore = Requests.jsonObject(ctx).get("ignore");
    if (!(ignore instanceof Boolean value)) {
      throw new DirectorException(ErrorCode.VALIDATION_INVALID_TYPE, "field 'ignore' must be true or false");
    }
    instances.setIgnored(instance.id(), value);
    events.record(NewEvent.of(Requests.username(ctx), value ? "ignore" : "unignore", "instance", instance.name()).withDeployment(deployment.name()).withInstance(instance.name()));
    ctx.status(200);
  }

  private Deployment deployment(Context ctx) {
    String name = ctx.pathParam("name");
    return deployments.find(name).orElseThrow(() -> DeploymentRoutes.notFound(name));
  }
}
