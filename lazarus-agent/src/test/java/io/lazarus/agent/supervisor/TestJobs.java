package io.lazarus.agent.supervisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Jobs with real ctl scripts in a temporary directory, in the shape BOSH jobs have: {@code ctl start} forks the
 * process in the background and writes its pidfile; {@code ctl stop} kills it. Every script appends what it does to
 * {@link #events()} and every pid it forks to {@link #spawned()}, so tests can check order and leftovers.
 */
public final class TestJobs {
  private final Path root;

  public TestJobs(Path root) {
    this.root = root;
  }

  /** Settings that make the supervisor react within a fraction of a second. */
  public static SupervisorSettings fastSettings() {
    return SupervisorSettings.defaults()
        .withPollInterval(Duration.ofMillis(100))
        .withProgramTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5))
        .withRestartBackoff(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(5))
        .withTermGrace(Duration.ofSeconds(1))
        .withStopAllTimeout(Duration.ofSeconds(15));
  }

  public Path events() {
    return root.resolve("events.log");
  }

  public Path spawned() {
    return root.resolve("spawned.pids");
  }

  public Path pidfile(String process) {
    return root.resolve("run").resolve(process + ".pid");
  }

  /** A job with one process: {@code sleep} in the background, written to its pidfile by its ctl script. */
  public MonitJob sleeper(String name, String... dependsOn) {
    Path ctl = script(name + "_ctl", """
        #!/bin/sh
        case "$1" in
          start)
            echo "start %1$s" >> %2$s
            mkdir -p %4$s
            sleep 1000 >/dev/null 2>&1 &
            echo $! >> %3$s
            echo $! > %5$s
            ;;
          stop)
            echo "stop %1$s" >> %2$s
            kill $(cat %5$s)
            ;;
        esac
        """.formatted(name, events(), spawned(), pidfile(name).getParent(), pidfile(name)));
    String depends = dependsOn.length == 0 ? "" : "  depends on " + String.join(", ", dependsOn) + "\n";
    return job(name, """
        check process %1$s
          with pidfile %2$s
          start program "%3$s start"
          stop program "%3$s stop"
        %4$s  group vcap
        """.formatted(name, pidfile(name), ctl, depends));
  }

  public MonitJob job(String name, String monitFile) {
    try {
      Path dir = Files.createDirectories(root.resolve("jobs").resolve(name));
      return new MonitJob(name, Files.writeString(dir.resolve("monit"), monitFile));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path script(String name, String text) {
    try {
      Path file = Files.writeString(Files.createDirectories(root.resolve("bin")).resolve(name), text);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<String> eventLines() {
    return readLines(events());
  }

  public List<Long> spawnedPids() {
    return readLines(spawned()).stream().map(String::trim).filter(s -> !s.isEmpty()).map(Long::parseLong).toList();
  }

  public List<Long> liveSpawnedPids() {
    return spawnedPids().stream().filter(TestJobs::isAlive).toList();
  }

  /**
   * Live processes whose command line mentions this test's directory (the ctl scripts and whatever runs them):
   * together with {@link #liveSpawnedPids()}, what a test leaves behind.
   */
  public List<Long> liveProcessesUnderRoot() {
    String marker = root.toString();
    return ProcFs.system().all().stream().filter(ProcStat::alive).map(ProcStat::pid)
        .filter(pid -> pid != ProcessHandle.current().pid())
        .filter(pid -> commandLine(pid).contains(marker)).toList();
  }

  private static String commandLine(long pid) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
    } catch (IOException e) {
      return "";
    }
  }

  /** Alive as the supervisor sees it: a zombie nobody reaped yet has ended. */
  public static boolean isAlive(long pid) {
    return ProcFs.system().stat(pid).filter(ProcStat::alive).isPresent();
  }

  public static Optional<ProcessReport> report(MonitSupervisor supervisor, String name) {
    return supervisor.reports().stream().filter(r -> r.name().equals(name)).findFirst();
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
