package io.lazarus.director.disks;

import io.lazarus.core.json.Json;
import io.lazarus.cpi.CpiErrors;
import io.lazarus.cpi.CpiException;
import io.lazarus.director.cpis.Cpis;
import io.lazarus.director.events.Events;
import io.lazarus.director.events.NewEvent;
import io.lazarus.director.instances.OrphanDisks;
import io.lazarus.director.instances.OrphanDisks.OrphanDisk;
import io.lazarus.director.tasks.EventLog;
import io.lazarus.director.tasks.Job;
import io.lazarus.director.tasks.JobFactory;
import io.lazarus.director.tasks.TaskContext;
import java.util.List;
import java.util.Optional;

/**
 * Task {@code delete_orphan_disks}, as BOSH runs it: each orphaned disk is deleted by the CPI that made it, then
 * forgotten. A disk the cloud no longer has is forgotten all the same, and a CID that is no orphan (already deleted,
 * never known) is only noted in the debug log: deleting is idempotent. Any other CPI failure fails the task and keeps
 * the orphan, so it can be deleted again.
 */
public final class DeleteOrphanDisksJob implements Job {
  public static final String TYPE = "delete_orphan_disks";
  public static final String DESCRIPTION = "delete orphan disks";

  record Payload(List<String> cids) {}

  private final Payload payload;
  private final OrphanDisks orphans;
  private final Cpis cpis;
  private final Events events;

  private DeleteOrphanDisksJob(Payload payload, OrphanDisks orphans, Cpis cpis, Events events) {
    this.payload = payload;
    this.orphans = orphans;
    this.cpis = cpis;
    this.events = events;
  }

  public static JobFactory factory(OrphanDisks orphans, Cpis cpis, Events events) {
    return task -> new DeleteOrphanDisksJob(Json.read(task.payload(), Payload.class), orphans, cpis, events);
  }

  /** The deletion of the orphans {@code cids}: how clean-up reuses this job inside its own task. */
  public static Job of(List<String> cids, OrphanDisks orphans, Cpis cpis, Events events) {
    return new DeleteOrphanDisksJob(new Payload(List.copyOf(cids)), orphans, cpis, events);
  }

  @Override
  public String perform(TaskContext ctx) throws Exception {
    EventLog.Stage stage = ctx.events().stage("Deleting orphaned disks", payload.cids().size(), List.of());
    for (String cid : payload.cids()) {
      stage.track("Deleting orphaned disk " + cid, () -> {
        delete(cid, ctx);
        return null;
      });
    }
    return "orphaned disk(s) " + String.join(", ", payload.cids()) + " deleted";
  }

  private void delete(String cid, TaskContext ctx) throws Exception {
    Optional<OrphanDisk> found = orphans.find(cid);
    if (found.isEmpty()) {
      ctx.debug("Disk not found: " + cid);
      return;
    }
    OrphanDisk orphan = found.get();
    NewEvent event = NewEvent.of(ctx.username(), "delete", "disk", cid).withDeployment(orphan.deployment()).withInstance(orphan.instance()).withTask(ctx.taskId());
    long begin = events.record(event);
    String error = null;
    try {
      cpis.forDisk(orphan).deleteDisk(cid);
    } catch (CpiException e) {
      if (!CpiErrors.DISK_NOT_FOUND.equals(e.type())) {
        events.record(event.withParent(begin).withError(e.getMessage()));
        throw e;
      }
      // BOSH forgets a disk the cloud lost, and its closing event still carries the cloud's answer.
      ctx.debug("Disk not found in IaaS: " + cid);
      error = e.getMessage();
    }
    orphans.delete(cid);
    events.record(error == null ? event.withParent(begin) : event.withParent(begin).withError(error));
  }
}
