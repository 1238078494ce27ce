package io.lazarus.agent.supervisor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads Linux's {@code /proc} (or another root with the same layout). A process may end between two reads, so every
 * per-process read answers "empty" rather than failing when the process is gone. Stateless and thread-safe.
 */
public final class ProcFs {
  /** USER_HZ: the kernel reports times in /proc in these ticks per second; it is 100 on every Linux ABI we run on. */
  public static final int TICKS_PER_SECOND = 100;

  private final Path root;

  public ProcFs(Path root) {
    this.root = root;
  }

  public static ProcFs system() {
    return new ProcFs(Path.of("/proc"));
  }

  /** The stat line of {@code pid}, or empty when there is no such process. */
  public Optional<ProcStat> stat(long pid) {
    return readIfExists(root.resolve(Long.toString(pid)).resolve("stat")).map(line -> parseStat(pid, line));
  }

  /**
   * This process. Fails when the /proc at hand belongs to another pid namespace (a pid namespace without its own
   * /proc mount): pids in pidfiles would then name other processes than the ones in /proc.
   */
  public ProcStat self() {
    long pid = ProcessHandle.current().pid();
    String line = readIfExists(root.resolve("self").resolve("stat"))
        .orElseThrow(() -> new IllegalStateException("cannot read " + root.resolve("self/stat")));
    long seen = Long.parseLong(line.substring(0, line.indexOf(' ')));
    if (seen != pid) {
      throw new IllegalStateException(root + " belongs to another pid namespace (it sees this process as pid " + seen
          + ", the process itself is pid " + pid + "); mount a proc for this namespace, e.g. unshare --mount-proc");
    }
    return parseStat(pid, line);
  }

  /** Every process of the system (those that end while being read are left out). */
  public List<ProcStat> all() {
    List<ProcStat> result = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
          stat(Long.parseLong(name)).ifPresent(result::add);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + root + ": " + e.getMessage(), e);
    }
    return result;
  }

  /** VmRSS of {@code pid} in kB; empty when the process is gone or has no memory (a kernel thread, a zombie). */
  public OptionalLong residentKb(long pid) {
    return readIfExists(root.resolve(Long.toString(pid)).resolve("status"))
        .map(status -> kbField(status, "VmRSS:"))
        .orElse(OptionalLong.empty());
  }

  public long memoryTotalKb() {
    return kbField(read(root.resolve("meminfo")), "MemTotal:").orElse(0);
  }

  public long memoryAvailableKb() {
    return kbField(read(root.resolve("meminfo")), "MemAvailable:").orElse(0);
  }

  /** Seconds since boot ({@code /proc/uptime}). */
  public double uptimeSeconds() {
    return Double.parseDouble(read(root.resolve("uptime")).trim().split("\\s+")[0]);
  }

  /** The 1, 5 and 15 minute load averages. */
  public double[] loadAverage() {
    String[] fields = read(root.resolve("loadavg")).trim().split("\\s+");
    return new double[] {Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2])};
  }

  /** Seconds {@code stat}'s process has been running. */
  public long uptimeSeconds(ProcStat stat) {
    return Math.max(0, (long) (uptimeSeconds() - (double) stat.startTicks() / TICKS_PER_SECOND));
  }

  static ProcStat parseStat(long pid, String line) {
    // The command name (field 2) is in parentheses and may itself hold spaces and parentheses.
    String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
    // f[0] is field 3 (state), so field n is f[n - 3].
    return new ProcStat(pid, f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
        Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[19]));
  }

  private static OptionalLong kbField(String text, String label) {
    for (String line : text.split("\n")) {
      if (line.startsWith(label)) {
        return OptionalLong.of(Long.parseLong(line.substring(label.length()).trim().split("\\s+")[0]));
      }
    }
    return OptionalLong.empty();
  }

  private static Optional<String> readIfExists(Path file) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.ISO_8859_1));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      // ESRCH while reading: the process ended between open and read.
      return Optional.empty();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
