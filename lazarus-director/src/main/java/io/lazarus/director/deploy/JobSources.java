package io.lazarus.director.deploy;

import io.lazarus.core.archive.TarballExtractor;
import io.lazarus.core.files.FileTrees;
import io.lazarus.director.blobstore.Blobstore;
import io.lazarus.director.deploy.ReleaseCatalog.ReleaseContent;
import io.lazarus.director.deploy.ReleaseCatalog.ReleaseJob;
import io.lazarus.director.templates.JobTemplates;
import io.lazarus.director.templates.ReleaseRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The templates of release jobs, unpacked once per deploy from their blobs into a scratch directory that {@link
 * #close} removes (the Director empties its uploads directory on start, so a crash leaves nothing either).
 */
final class JobSources implements AutoCloseable {
  private static final long MAX_JOB_BYTES = 256L << 20;

  private final Blobstore blobstore;
  private final Path scratch;
  private final Map<String, JobTemplates> loaded = new ConcurrentHashMap<>();

  JobSources(Blobstore blobstore, Path scratchParent) throws IOException {
    this.blobstore = blobstore;
    this.scratch = Files.createTempDirectory(scratchParent, "deploy-");
  }

  JobTemplates templates(ReleaseContent release, String jobName) {
    ReleaseJob job = release.jobs().get(jobName);
    return loaded.computeIfAbsent(release.name() + "/" + release.version() + "/" + jobName, key -> {
      Path dir = scratch.resolve(release.name() + "-" + job.row().fingerprint());
      try {
        if (!Files.isDirectory(dir)) {
          new TarballExtractor(MAX_JOB_BYTES).extract(blobstore.path(job.row().blobstoreId()), dir, "job '" + jobName + "'");
        }
      } catch (Exception e) {
        throw new IllegalStateException("cannot unpack job '" + jobName + "' of release " + release.name() + "/" + release.version() + ": " + e.getMessage(), e);
      }
      return JobTemplates.read(job.spec(), new ReleaseRef(release.name(), release.version()), dir);
    });
  }

  Path scratch() {
    return scratch;
  }

  @Override
  public void close() {
    FileTrees.deleteRecursively(scratch);
  }
}
