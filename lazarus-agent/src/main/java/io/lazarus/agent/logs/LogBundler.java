package io.lazarus.agent.logs;

import io.lazarus.agent.AgentPaths;
import io.lazarus.agent.blobstore.Blobstore;
import io.lazarus.agent.install.TarGzWriter;
import io.lazarus.core.digest.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * BOSH's fetch_logs: a tgz of the job logs ({@code sys/log}) or the agent's own ({@code bosh/log}), filtered by
 * glob patterns relative to that directory ({@code **}{@code /*} by default), uploaded to the blobstore.
 */
public final class LogBundler {
  private final AgentPaths paths;
  private final Blobstore blobstore;

  public LogBundler(AgentPaths paths, Blobstore blobstore) {
    this.paths = paths;
    this.blobstore = blobstore;
  }

  /** An uploaded bundle. */
  public record Bundle(String blobstoreId, String sha1) {}

  public Bundle bundle(String logType, List<String> filters) throws IOException, InterruptedException {
    Path directory = LogFiles.directory(paths, "fetch_logs", logType);
    Predicate<Path> matching = LogFiles.matching(filters.isEmpty() ? List.of("**/*") : filters);
    Files.createDirectories(directory);
    Files.createDirectories(paths.tmp());
    Path archive = paths.tmp().resolve("logs-" + UUID.randomUUID() + ".tgz");
    try {
      TarGzWriter.write(directory, archive, matching);
      String sha1 = Digests.sha1(archive);
      String blobId = UUID.randomUUID().toString();
      blobstore.put(blobId, archive);
      return new Bundle(blobId, sha1);
    } finally {
      Files.deleteIfExists(archive);
    }
  }
}
