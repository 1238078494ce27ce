package io.lazarus.director.disks;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lazarus.core.json.Json;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.api.Requests;
import io.lazarus.director.api.Routes;
import io.lazarus.director.api.RubyTimes;
import io.lazarus.director.instances.OrphanDisks;
import io.lazarus.director.instances.OrphanDisks.OrphanDisk;
import io.lazarus.director.instances.PersistentDisks;
import io.lazarus.director.tasks.NewTask;
import io.lazarus.director.tasks.TaskQueue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /disks} (the orphaned disks; BOSH lists them whatever the query, and the bosh CLI sends none) and
 * {@code DELETE /disks/:cid} (a {@code delete orphan disks} task), with BOSH's shapes. A disk an instance still owns
 * is refused before any task, as BOSH refuses it.
 */
public final class DiskRoutes implements Routes {
  private final OrphanDisks orphans;
  private final PersistentDisks disks;
  private final TaskQueue queue;

  public DiskRoutes(OrphanDisks orphans, PersistentDisks disks, TaskQueue queue) {
    this.orphans = orphans;
    this.disks = disks;
    this.queue = queue;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/disks", this::list);
    routes.delete("/disks/{cid}", this::delete);
  }

  private void list(Context ctx) {
    ctx.json(orphans.list().stream().map(DiskRoutes::json).toList());
  }

  /** BOSH's JSON of an orphaned disk (also in clean-up's dry run). */
  public static Map<String, Object> json(OrphanDisk disk) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("disk_cid", disk.cid());
    json.put("size", disk.sizeMb());
    json.put("az", disk.az());
    json.put("deployment_name", disk.deployment());
    json.put("instance_name", disk.instance());
    json.put("cloud_properties", disk.cloudProperties());
    json.put("orphaned_at", RubyTimes.format(disk.orphanedAt()));
    return json;
  }

  private void delete(Context ctx) {
    String cid = ctx.pathParam("cid");
    String orphan = ctx.queryParam("orphan");
    if (orphan != null && !orphan.equals("false")) {
      // BOSH's orphan=true orphans a disk an instance owns (bosh orphan-disk); deleting instead would destroy its data.
      throw new DirectorException(ErrorCode.VALIDATION_INVALID_VALUE, "Query parameter 'orphan=" + orphan + "': orphaning a disk of an instance is not supported; only orphaned disks can be deleted");
    }
    if (disks.findByCid(cid).isPresent()) {
      throw new DirectorException(ErrorCode.DELETING_PERSISTENT_DISK, "Deleting persistent disk is not supported: " + Json.write(List.of(cid)));
    }
    Map<String, Object> payload = Map.of("cids", List.of(cid));
    Requests.redirectToTask(ctx, queue.enqueue(NewTask.of(DeleteOrphanDisksJob.TYPE, DeleteOrphanDisksJob.DESCRIPTION, Requests.username(ctx), null, Requests.contextId(ctx), payload)));
  }
}
