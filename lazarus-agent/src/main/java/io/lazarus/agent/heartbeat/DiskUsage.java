package io.lazarus.agent.heartbeat;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Disk vitals of one mount point, statvfs-style: percent of blocks in use (as {@code df} counts them, against
 * what non-root users may use) and percent of inodes in use (from {@code stat -f}, which the JDK does not expose).
 */
public final class DiskUsage {
  private DiskUsage() {}

  /** {@code {"percent": "..", "inode_percent": ".."}}, or empty when {@code path} does not exist. */
  public static Optional<Map<String, String>> of(Path path) {
    if (!Files.exists(path)) {
      return Optional.empty();
    }
    Map<String, String> usage = new LinkedHashMap<>();
    try {
      FileStore store = Files.getFileStore(path);
      long total = store.getTotalSpace();
      long free = store.getUnallocatedSpace();
      long available = store.getUsableSpace();
      long used = total - free;
      usage.put("percent", String.valueOf(used + available == 0 ? 0 : Math.round(Math.ceil(100.0 * used / (used + available)))));
    } catch (IOException e) {
      return Optional.empty();
    }
    inodePercent(path).ifPresent(percent -> usage.put("inode_percent", percent));
    return Optional.of(usage);
  }

  static Optional<String> inodePercent(Path path) {
    try {
      Process stat = new ProcessBuilder(List.of("stat", "-f", "-c", "%c %d", path.toString()))
          .redirectErrorStream(true).start();
      String out = new String(stat.getInputStream().readAllBytes()).trim();
      if (!stat.waitFor(2, TimeUnit.SECONDS) || stat.exitValue() != 0) {
        stat.destroyForcibly();
        return Optional.empty();
      }
      return Optional.of(inodePercentOf(out));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** From {@code stat -f -c "%c %d"}: total and free inodes. */
  static String inodePercentOf(String statOutput) {
    String[] fields = statOutput.trim().split("\\s+");
    long total = Long.parseLong(fields[0]);
    long free = Long.parseLong(fields[1]);
    return String.valueOf(total <= 0 ? 0 : Math.round(Math.ceil(100.0 * (total - free) / total)));
  }
}
