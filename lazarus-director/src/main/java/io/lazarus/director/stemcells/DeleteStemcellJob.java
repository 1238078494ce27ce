package io.lazarus.director.stemcells;

import io.lazarus.core.json.Json;
import io.lazarus.cpi.CpiException;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.blobstore.Blobstore;
import io.lazarus.director.deploy.CompiledPackages;
import io.lazarus.director.cpis.Cpis;
import io.lazarus.director.deployments.Deployments;
import io.lazarus.director.events.Events;
import io.lazarus.director.events.NewEvent;
import io.lazarus.director.locks.Lock;
import io.lazarus.director.locks.Locks;
import io.lazarus.director.tasks.EventLog;
import io.lazarus.director.tasks.Job;
import io.lazarus.director.tasks.JobFactory;
import io.lazarus.director.tasks.TaskContext;
import java.time.Duration;
import java.util.List;

/**
 * Task {@code delete_stemcell}: refuses a stemcell a deployment uses (StemcellInUse) unless {@code force}, deletes
 * it from each CPI that has it, then that CPI's row, then, when no other stemcell has the same operating system and
 * version, the packages compiled for it and their blobs (as BOSH does). With {@code force} a CPI failure (or a CPI
 * that is no longer configured) is only a warning.
 */
public final class DeleteStemcellJob implements Job {
  public static final String TYPE = "delete_stemcell";
  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);

  record Payload(String name, String version, boolean force) {}

  private final Payload payload;
  private final Stemcells stemcells;
  private final Deployments deployments;
  private final Cpis cpis;
  private final Locks locks;
  private final Events events;
  private final CompiledPackages compiledPackages;
  private final Blobstore blobstore;

  private DeleteStemcellJob(Payload payload, Stemcells stemcells, Deployments deployments, Cpis cpis, Locks locks, Events events, CompiledPackages compiledPackages, Blobstore blobstore) {
    this.payload = payload;
    this.stemcells = stemcells;
    this.deployments = deployments;
    this.cpis = cpis;
    this.locks = locks;
    this.events = events;
    this.compiledPackages = compiledPackages;
    this.blobstore = blobstore;
  }

  public static JobFactory factory(Stemcells stemcells, Deployments deployments, Cpis cpis, Locks locks, Events events, CompiledPackages compiledPackages, Blobstore blobstore) {
    return task -> new DeleteStemcellJob(Json.read(task.payload(), Payload.class), stemcells, deployments, cpis, locks, events, compiledPackages, blobstore);
  }

  /** The unforced deletion of every CPI's copy of one stemcell: how clean-up reuses this job inside its own task. */
  public static Job of(String name, String version, Stemcells stemcells, Deployments deployments, Cpis cpis, Locks locks, Events events, CompiledPackages compiledPackages, Blobstore blobstore) {
    return new DeleteStemcellJob(new Payload(name, version, false), stemcells, deployments, cpis, locks, events, compiledPackages, blobstore);
  }

  @Override
  public String perform(TaskContext ctx) throws Exception {
    String label = payload.name() + "/" + payload.version();
    NewEvent event = NewEvent.of(ctx.username(), "delete", "stemcell", label).withTask(ctx.taskId());
    try (Lock lock = locks.acquire(Locks.stemcellLock(payload.name() + ":" + payload.version()), ctx.taskId(), LOCK_TIMEOUT)) {
      List<Stemcell> copies = stemcells.findAll(payload.name(), payload.version());
      if (copies.isEmpty()) {
        throw StemcellRoutes.notFound(label);
      }
      List<String> users = copies.stream().flatMap(copy -> deployments.usingStemcell(copy.id()).stream()).distinct().sorted().toList();
      if (!users.isEmpty() && !payload.force()) {
        throw new DirectorException(ErrorCode.STEMCELL_IN_USE, "Stemcell '" + label + "' is still in use by: " + String.join(", ", users));
      }
      EventLog.Stage stage = ctx.events().stage("Delete stemcell", 2 * copies.size(), List.of());
      for (Stemcell stemcell : copies) {
        String suffix = copies.size() > 1 ? " (cpi: " + stemcell.cpi() + ")" : "";
        stage.track("Deleting stemcell from cloud" + suffix, () -> deleteFromCloud(ctx, stemcell));
        stage.track("Deleting stemcell metadata" + suffix, () -> {
          stemcells.delete(stemcell.id());
          return null;
        });
      }
      deleteCompiledPackages(ctx, copies.getFirst());
      events.record(event);
      return "/stemcells/" + label;
    } catch (Exception e) {
      events.record(event.withError(e.getMessage()));
      throw e;
    }
  }

  private void deleteCompiledPackages(TaskContext ctx, Stemcell stemcell) throws Exception {
    boolean twinLeft = stemcells.list().stream()
        .anyMatch(other -> other.operatingSystem().equals(stemcell.operatingSystem()) && other.version().equals(stemcell.version()));
    if (twinLeft) {
      return;
    }
    List<String> blobs = compiledPackages.deleteForStemcell(stemcell.operatingSystem(), stemcell.version());
    if (blobs.isEmpty()) {
      return;
    }
    ctx.events().stage("Deleting compiled packages", 1, List.of()).track("Deleting " + blobs.size() + " compiled package(s)", () -> {
      for (String blob : blobs) {
        try {
          blobstore.delete(blob);
        } catch (RuntimeException e) {
          ctx.events().warning("could not delete blob " + blob + ": " + e.getMessage());
        }
      }
      return null;
    });
  }

  private Void deleteFromCloud(TaskContext ctx, Stemcell stemcell) throws CpiException {
    try {
      cpis.named(stemcell.cpi()).deleteStemcell(stemcell.cid());
    } catch (CpiException e) {
      if (!payload.force()) {
        throw e;
      }
      ctx.events().warning("ignoring the cloud's error deleting stemcell " + stemcell.cid() + " (force): " + e.getMessage());
    }
    return null;
  }
}
