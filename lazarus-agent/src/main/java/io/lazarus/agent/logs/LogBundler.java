package io.lazarus.agent.logs;

import io.lazarus.agent.AgentPaths;
import io.lazarus.agent.blobstore.Blobstore;
import io.lazarus.agent.install.TarGzWriter;
import io.lazarus.agent.rpc.RpcException;
import io.lazarus.core.digest.Digests;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.UUID;

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
    Path directory = switch (logType) {
      case "job" -> paths.sysLog();
      case "agent" -> paths.bosh().resolve("log");
      default -> throw new RpcException("fetch_logs: log type '" + logType + "' is neither 'job' nor 'agent'");
    };
    List<String> patterns = filters.isEmpty() ? List.of("**/*") : filters;
    List<PathMatcher> matchers = patterns.stream()
        .flatMap(pattern -> pattern.startsWith("**/") ? List.of(pattern, pattern.substring(3)).stream() : List.of(pattern).stream())
        .map(pattern -> FileSystems.getDefault().getPathMatcher("glob:" + pattern))
        .toList();
    Files.createDirectories(directory);
    Files.createDirectories(paths.tmp());
    Path archive = paths.tmp().resolve("logs-" + UUID.randomUUID() + ".tgz");
    try {
      TarGzWriter.write(directory, archive, relative -> matchers.stream().anyMatch(matcher -> matcher.matches(relative)));
      String sha1 = Digests.sha1(archive);
      String blobId = UUID.randomUUID().toString();
      blobstore.put(blobId, archive);
      return new Bundle(blobId, sha1);
    } finally {
      Files.deleteIfExists(archive);
    }
  }
}
