package io.lazarus.director.stemcells;

import io.lazarus.core.archive.TarballExtractor;
import io.lazarus.core.archive.UnsafeArchiveException;
import io.lazarus.core.digest.Digests;
import io.lazarus.core.json.Json;
import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.core.yaml.YamlException;
import io.lazarus.cpi.Cpi;
import io.lazarus.cpi.CpiException;
import io.lazarus.director.cpis.Cpis;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.api.UploadWorkspace;
import io.lazarus.director.events.Events;
import io.lazarus.director.events.NewEvent;
import io.lazarus.director.locks.Lock;
import io.lazarus.director.locks.Locks;
import io.lazarus.director.tasks.EventLog;
import io.lazarus.director.tasks.Job;
import io.lazarus.director.tasks.JobFactory;
import io.lazarus.director.tasks.TaskContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Task {@code update_stemcell} ("create stemcell"), as BOSH's update_stemcell.rb: unpack the uploaded tarball,
 * check stemcell.MF and the image digest, then for every CPI (the Director's own, then the cpi config's) hand the
 * image to the CPI and save that CPI's row. A stemcell a CPI already has is skipped unless {@code fix}, which uploads
 * the image again and replaces the cloud id. If saving a row fails the new cloud stemcell is deleted, so nothing is
 * left half-made; the CPIs done before stay done, and uploading again adds the stemcell to the CPIs still missing it.
 */
public final class UploadStemcellJob implements Job {
  public static final String TYPE = "update_stemcell";
  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);

  record Payload(String upload, boolean fix) {}

  /** What the job needs from the Director. */
  public record Services(Stemcells stemcells, Cpis cpis, Locks locks, Events events, TarballExtractor extractor) {}

  private final Payload payload;
  private final Services services;

  private UploadStemcellJob(Payload payload, Services services) {
    this.payload = payload;
    this.services = services;
  }

  public static JobFactory factory(Services services) {
    return task -> new UploadStemcellJob(Json.read(task.payload(), Payload.class), services);
  }

  @Override
  public String perform(TaskContext ctx) throws Exception {
    try (UploadWorkspace workspace = UploadWorkspace.open(Path.of(payload.upload()))) {
      List<String> cpis = services.cpis().names();
      EventLog.Stage stage = ctx.events().stage("Update stemcell", 2 + 3 * cpis.size(), List.of());
      Path dir = stage.track("Extracting stemcell archive", () -> unpack(workspace));
      StemcellManifest manifest = stage.track("Verifying stemcell manifest", () -> verify(dir));
      Path image = dir.resolve("image");
      NewEvent event = NewEvent.of(ctx.username(), "create", "stemcell", manifest.name() + "/" + manifest.version()).withTask(ctx.taskId());
      try (Lock lock = services.locks().acquire(Locks.stemcellLock(manifest.name() + ":" + manifest.version()), ctx.taskId(), LOCK_TIMEOUT)) {
        for (String cpi : cpis) {
          // as BOSH, each step names its CPI once there is more than one
          save(ctx, stage, manifest, image, cpi, cpis.size() > 1 ? " (cpi: " + cpi + ")" : "");
        }
        services.events().record(event);
      } catch (Exception e) {
        services.events().record(event.withError(e.getMessage()));
        throw e;
      }
      return "/stemcells/" + manifest.name() + "/" + manifest.version();
    }
  }

  private Path unpack(UploadWorkspace workspace) throws IOException {
    try {
      return workspace.unpack(services.extractor(), workspace.upload(), "stemcell", "stemcell tarball");
    } catch (UnsafeArchiveException e) {
      throw new DirectorException(ErrorCode.STEMCELL_INVALID_ARCHIVE, "Extracting stemcell archive failed: " + e.getMessage());
    }
  }

  private static StemcellManifest verify(Path dir) throws IOException {
    Path file = dir.resolve(StemcellManifest.FILE);
    if (!Files.isRegularFile(file)) {
      throw new DirectorException(ErrorCode.STEMCELL_INVALID_ARCHIVE, "Stemcell manifest not found: the tarball has no " + StemcellManifest.FILE);
    }
    StemcellManifest manifest;
    try {
      manifest = StemcellManifest.parse(YamlDocument.parse(StemcellManifest.FILE, Files.readString(file)));
    } catch (YamlException e) {
      throw new DirectorException(ErrorCode.STEMCELL_INVALID_ARCHIVE, e.getMessage());
    }
    Path image = dir.resolve("image");
    if (!Files.isRegularFile(image)) {
      throw new DirectorException(ErrorCode.STEMCELL_IMAGE_NOT_FOUND, "Stemcell image not found: the tarball has no 'image' file");
    }
    if (manifest.sha1().isPresent() && !Digests.matches(image, manifest.sha1().get())) {
      throw new DirectorException(
          ErrorCode.STEMCELL_SHA1_DOES_NOT_MATCH, "Stemcell image does not match the digest in " + StemcellManifest.FILE + " (expected " + manifest.sha1().get() + ")");
    }
    return manifest;
  }

  private void save(TaskContext ctx, EventLog.Stage stage, StemcellManifest manifest, Path image, String cpiName, String suffix) throws Exception {
    String label = manifest.name() + "/" + manifest.version();
    Cpi cpi = services.cpis().named(cpiName);
    Stemcell existing = stage.track("Checking if this stemcell already exists" + suffix, () -> services.stemcells().find(manifest.name(), manifest.version(), cpiName).orElse(null));
    boolean upload = payload.fix() || existing == null;
    String skipped = upload ? "" : " (already exists, skipped)";
    ctx.checkpoint();
    String cid = stage.track("Uploading stemcell " + label + " to the cloud" + suffix + skipped, () -> upload ? createInCloud(ctx, cpi, manifest, image) : existing.cid());
    stage.track("Save stemcell " + label + " (" + cid + ")" + suffix + skipped, () -> upload ? store(ctx, cpi, cpiName, manifest, existing, cid) : existing);
  }

  private String createInCloud(TaskContext ctx, Cpi cpi, StemcellManifest manifest, Path image) throws CpiException {
    String cid = cpi.createStemcell(image, manifest.cloudProperties());
    ctx.debug("cloud created stemcell " + cid);
    return cid;
  }

  /** Saves the row; when that fails the new cloud stemcell is deleted. With fix, the replaced image is deleted. */
  private Stemcell store(TaskContext ctx, Cpi cpi, String cpiName, StemcellManifest manifest, Stemcell existing, String cid) throws CpiException {
    try {
      if (existing == null) {
        return services.stemcells().create(manifest, cid, cpiName);
      }
      services.stemcells().replace(existing.id(), manifest, cid);
    } catch (RuntimeException e) {
      try {
        cpi.deleteStemcell(cid);
      } catch (CpiException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    try {
      cpi.deleteStemcell(existing.cid());
    } catch (CpiException e) {
      ctx.events().warning("could not delete the replaced stemcell " + existing.cid() + " from the cloud: " + e.getMessage());
    }
    return existing;
  }
}
