package io.lazarus.director.cleanup;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.api.Requests;
import io.lazarus.director.api.Routes;
import io.lazarus.director.deployments.Deployments;
import io.lazarus.director.disks.DiskRoutes;
import io.lazarus.director.stemcells.StemcellRoutes;
import io.lazarus.director.tasks.NewTask;
import io.lazarus.director.tasks.TaskQueue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bosh CLI's {@code clean-up}: {@code POST /cleanup} with {@code {"config":{"remove_all":..,
 * "keep_orphaned_disks":..}}} starts the task; {@code GET /cleanup/dryrun?remove_all=&keep_orphaned_disks=} lists
 * what it would delete, in BOSH's shape (kinds Lazarus does not have are empty lists).
 */
public final class CleanupRoutes implements Routes {
  private final CleanupPicker picker;
  private final Deployments deployments;
  private final TaskQueue queue;

  public CleanupRoutes(CleanupPicker picker, Deployments deployments, TaskQueue queue) {
    this.picker = picker;
    this.deployments = deployments;
    this.queue = queue;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.post("/cleanup", this::cleanUp);
    routes.get("/cleanup/dryrun", this::dryRun);
  }

  private void cleanUp(Context ctx) {
    Object config = Requests.jsonObject(ctx).getOrDefault("config", Map.of());
    if (!(config instanceof Map<?, ?> fields)) {
      throw new DirectorException(ErrorCode.VALIDATION_INVALID_TYPE, "field 'config' must be an object");
    }
    CleanupOptions options = new CleanupOptions(flag(fields, "remove_all"), flag(fields, "keep_orphaned_disks"));
    Requests.redirectToTask(ctx, queue.enqueue(NewTask.of(CleanupArtifactsJob.TYPE, options.description(), Requests.username(ctx), null, Requests.contextId(ctx),
        Map.of("remove_all", options.removeAll(), "keep_orphaned_disks", options.keepOrphanedDisks()))));
  }

  private static boolean flag(Map<?, ?> config, String field) {
    Object value = config.get(field);
    if (value == null) {
      return false;
    }
    if (!(value instanceof Boolean b)) {
      throw new DirectorException(ErrorCode.VALIDATION_INVALID_TYPE, "field 'config." + field + "' must be true or false");
    }
    return b;
  }

  private void dryRun(Context ctx) {
    CleanupPlan plan = picker.pick(new CleanupOptions(Requests.flag(ctx, "remove_all"), Requests.flag(ctx, "keep_orphaned_disks")));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("releases", plan.releases().stream().map(r -> Map.of("name", r.name(), "versions", r.versions())).toList());
    json.put("stemcells", plan.stemcells().stream().flatMap(s -> s.copies().stream()).map(copy -> StemcellRoutes.json(copy, deployments.usingStemcell(copy.id()))).toList());
    json.put("compiled_packages", List.of());
    json.put("orphaned_disks", plan.orphanDisks().stream().map(DiskRoutes::json).toList());
    json.put("orphaned_vms", List.of());
    json.put("exported_releases", List.of());
    json.put("dns_blobs", List.of());
    ctx.json(json);
  }
}
