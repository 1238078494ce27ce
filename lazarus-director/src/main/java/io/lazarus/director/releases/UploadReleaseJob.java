package io.lazarus.director.releases;

import io.lazarus.core.archive.TarballExtractor;
import io.lazarus.core.archive.UnsafeArchiveException;
import io.lazarus.core.json.Json;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.api.UploadWorkspace;
import io.lazarus.director.blobstore.Blobstore;
import io.lazarus.director.events.Events;
import io.lazarus.director.events.NewEvent;
import io.lazarus.director.locks.Lock;
import io.lazarus.director.locks.Locks;
import io.lazarus.director.tasks.Job;
import io.lazarus.director.tasks.JobFactory;
import io.lazarus.director.tasks.TaskContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Task {@code update_release} ("create release"): unpack the uploaded tarball, verify it completely, then import it
 * under the release lock. The upload and the unpacked files are deleted whatever happens.
 */
public final class UploadReleaseJob implements Job {
  public static final String TYPE = "update_release";
  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);

  record Payload(String upload, boolean fix, boolean rebase) {}

  /** What the job needs from the Director. */
  public record Services(Releases releases, Blobstore blobstore, Locks locks, Events events, TarballExtractor extractor) {}

  private final Payload payload;
  private final Services services;

  private UploadReleaseJob(Payload payload, Services services) {
    this.payload = payload;
    this.services = services;
  }

  public static JobFactory factory(Services services) {
    return task -> new UploadReleaseJob(Json.read(task.payload(), Payload.class), services);
  }

  @Override
  public String perform(TaskContext ctx) throws Exception {
    try (UploadWorkspace workspace = UploadWorkspace.open(Path.of(payload.upload()))) {
      Path dir = ctx.events().track("Extracting release", "Extracting release", () -> unpack(workspace));
      VerifiedRelease release = ctx.events().track("Verifying manifest", "Verifying manifest", () -> verify(workspace, dir));
      ReleaseManifest manifest = release.manifest();
      NewEvent event = NewEvent.of(ctx.username(), "create", "release", manifest.name() + "/" + manifest.version()).withTask(ctx.taskId());
      try (Lock lock = services.locks().acquire(Locks.releaseLock(manifest.name()), ctx.taskId(), LOCK_TIMEOUT)) {
        String version = new ReleaseImporter(services.releases(), services.blobstore(), ctx).importRelease(release, payload.fix(), payload.rebase());
        services.events().record(event.withContext(Map.of("version", version)));
        return "Created release '" + manifest.name() + "/" + version + "'";
      } catch (Exception e) {
        services.events().record(event.withError(e.getMessage()));
        throw e;
      }
    }
  }

  private Path unpack(UploadWorkspace workspace) throws Exception {
    try {
      return workspace.unpack(services.extractor(), workspace.upload(), "release", "release tarball");
    } catch (UnsafeArchiveException e) {
      throw new DirectorException(ErrorCode.RELEASE_INVALID_ARCHIVE, "Extracting release archive failed: " + e.getMessage());
    }
  }

  private VerifiedRelease verify(UploadWorkspace workspace, Path dir) throws Exception {
    ReleaseManifest manifest = ReleaseVerifier.readManifest(dir);
    ReleaseVerifier verifier = new ReleaseVerifier(services.extractor(), fingerprint -> !services.releases().knownFingerprints(Set.of(fingerprint)).isEmpty());
    return verifier.verify(dir, manifest, workspace.scratch("archives"));
  }
}
