package io.lazarus.director.releases;

import io.lazarus.core.json.Json;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.blobstore.Blobstore;
import io.lazarus.director.deployments.Deployments;
import io.lazarus.director.events.Events;
import io.lazarus.director.events.NewEvent;
import io.lazarus.director.locks.Lock;
import io.lazarus.director.locks.Locks;
import io.lazarus.director.releases.ReleaseRows.VersionRow;
import io.lazarus.director.tasks.EventLog;
import io.lazarus.director.tasks.Job;
import io.lazarus.director.tasks.JobFactory;
import io.lazarus.director.tasks.TaskContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Task {@code delete_release}: deletes one version, or the whole release, refusing what a deployment uses
 * (ReleaseVersionInUse, ReleaseInUse) unless {@code force}. Rows go first, in one transaction per version; then the
 * blobs of the packages and jobs no version uses any more.
 */
public final class DeleteReleaseJob implements Job {
  public static final String TYPE = "delete_release";
  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);

  /** {@code version} null: the whole release. */
  record Payload(String name, String version, boolean force) {}

  private final Payload payload;
  private final Releases releases;
  private final Deployments deployments;
  private final Blobstore blobstore;
  private final Locks locks;
  private final Events events;

  private DeleteReleaseJob(Payload payload, Releases releases, Deployments deployments, Blobstore blobstore, Locks locks, Events events) {
    this.payload = payload;
    this.releases = releases;
    this.deployments = deployments;
    this.blobstore = blobstore;
    this.locks = locks;
    this.events = events;
  }

  public static JobFactory factory(Releases releases, Deployments deployments, Blobstore blobstore, Locks locks, Events events) {
    return task -> new DeleteReleaseJob(Json.read(task.payload(), Payload.class), releases, deployments, blobstore, locks, events);
  }

  /** The unforced deletion of one version: how clean-up reuses this job inside its own task. */
  public static Job ofVersion(String name, String version, Releases releases, Deployments deployments, Blobstore blobstore, Locks locks, Events events) {
    return new DeleteReleaseJob(new Payload(name, version, false), releases, deployments, blobstore, locks, events);
  }

  @Override
  public String perform(TaskContext ctx) throws Exception {
    String label = payload.version() == null ? payload.name() : payload.name() + "/" + payload.version();
    NewEvent event = NewEvent.of(ctx.username(), "delete", "release", label).withTask(ctx.taskId());
    try (Lock lock = locks.acquire(Locks.releaseLock(payload.name()), ctx.taskId(), LOCK_TIMEOUT)) {
      long releaseId = releases.releaseId(payload.name()).orElseThrow(() -> ReleaseRoutes.releaseNotFound(payload.name()));
      List<VersionRow> versions = payload.version() == null ? releases.versions(releaseId) : List.of(findVersion(releaseId));
      checkNotInUse(releaseId, versions);
      List<Releases.Removed> removed = new ArrayList<>();
      for (VersionRow version : versions) {
        removed.add(ctx.events().track("Deleting release versions", payload.name() + "/" + version.version(), () -> releases.deleteVersion(releaseId, version.id())));
        ctx.checkpoint();
      }
      deleteBlobs(ctx, removed);
      events.record(event);
      return "Deleted " + (payload.version() == null ? "release '" + payload.name() + "'" : "release version '" + label + "'");
    } catch (Exception e) {
      events.record(event.withError(e.getMessage()));
      throw e;
    }
  }

  private VersionRow findVersion(long releaseId) {
    return releases.version(releaseId, payload.version()).orElseThrow(() -> ReleaseRoutes.versionNotFound(payload.name(), payload.version()));
  }

  private void checkNotInUse(long releaseId, List<VersionRow> versions) {
    if (payload.force()) {
      return;
    }
    if (payload.version() == null) {
      List<String> users = deployments.usingRelease(releaseId);
      if (!users.isEmpty()) {
        throw new DirectorException(ErrorCode.RELEASE_IN_USE, "Release '" + payload.name() + "' is still in use by: " + String.join(", ", users));
      }
      return;
    }
    List<String> users = deployments.usingReleaseVersion(versions.get(0).id());
    if (!users.isEmpty()) {
      throw new DirectorException(ErrorCode.RELEASE_VERSION_IN_USE, "ReleaseVersion '" + payload.name() + "/" + payload.version() + "' is still in use by: " + String.join(", ", users));
    }
  }

  /** The rows are gone already; a blob that cannot be deleted is only an orphan file, so it is a warning. */
  private void deleteBlobs(TaskContext ctx, List<Releases.Removed> removed) throws Exception {
    List<ReleaseRows.PackageRow> packages = removed.stream().flatMap(r -> r.packages().stream()).toList();
    List<ReleaseRows.JobRow> jobs = removed.stream().flatMap(r -> r.jobs().stream()).toList();
    EventLog.Stage packageStage = ctx.events().stage("Deleting packages", packages.size(), List.of());
    for (ReleaseRows.PackageRow pkg : packages) {
      packageStage.track(pkg.name() + "/" + pkg.version(), () -> deleteBlob(ctx, pkg.blobstoreId()));
    }
    EventLog.Stage jobStage = ctx.events().stage("Deleting jobs", jobs.size(), List.of());
    for (ReleaseRows.JobRow job : jobs) {
      jobStage.track(job.name() + "/" + job.version(), () -> deleteBlob(ctx, job.blobstoreId()));
    }
    removed.stream().flatMap(r -> r.compiledBlobs().stream()).forEach(blobId -> deleteBlob(ctx, blobId));
  }

  private Void deleteBlob(TaskContext ctx, String blobId) {
    try {
      blobstore.delete(blobId);
    } catch (RuntimeException e) {
      ctx.events().warning("could not delete blob " + blobId + ": " + e.getMessage());
    }
    return null;
  }
}
