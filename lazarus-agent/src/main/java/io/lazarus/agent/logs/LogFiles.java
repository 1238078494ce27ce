package io.lazarus.agent.logs;

import io.lazarus.agent.AgentPaths;
import io.lazarus.agent.rpc.RpcException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Which log files {@code fetch_logs} and {@code tail_logs} take: the job logs ({@code sys/log}) or the agent's own
 * ({@code bosh/log}), chosen by glob patterns relative to that directory, where a pattern starting with {@code **}{@code
 * /} also matches at the top (as a shell's globstar does).
 */
final class LogFiles {
  private LogFiles() {}

  /** The directory of {@code logType} ({@code job} or {@code agent}); anything else fails naming {@code method}. */
  static Path directory(AgentPaths paths, String method, String logType) {
    return switch (logType) {
      case "job" -> paths.sysLog();
      case "agent" -> paths.bosh().resolve("log");
      default -> throw new RpcException(method + ": log type '" + logType + "' is neither 'job' nor 'agent'");
    };
  }

  /** Whether a path relative to the log directory matches one of {@code patterns}. */
  static Predicate<Path> matching(List<String> patterns) {
    List<PathMatcher> matchers = patterns.stream()
        .flatMap(pattern -> pattern.startsWith("**/") ? Stream.of(pattern, pattern.substring(3)) : Stream.of(pattern))
        .map(pattern -> FileSystems.getDefault().getPathMatcher("glob:" + pattern))
        .toList();
    return relative -> matchers.stream().anyMatch(matcher -> matcher.matches(relative));
  }

  /** The regular files under {@code directory} whose relative paths match, sorted by path; none when it is missing. */
  static List<Path> list(Path directory, Predicate<Path> matching) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile).map(directory::relativize).filter(matching).sorted().toList();
    }
  }
}
