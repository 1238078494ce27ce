package io.lazarus.cli.commands.local;

import io.lazarus.core.files.FileTrees;
import io.lazarus.core.time.Sleeper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A long-running {@code lazarus} subcommand of {@code lazarus up} (the Director, the Health Monitor): a process of
 * its own session (so it outlives the terminal's Ctrl-C), logging to {@code <dir>/<name>.log}, its pid in {@code
 * <dir>/<name>.pid}.
 */
final class BackgroundProcess {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final String label;
  private final Path pidFile;
  private final Path logFile;

  /** {@code label} names it in messages ("the Director"); its files are {@code dir/name.{pid,log}}. */
  BackgroundProcess(String label, Path dir, String name) {
    this.label = label;
    this.pidFile = dir.toAbsolutePath().resolve(name + ".pid");
    this.logFile = dir.toAbsolutePath().resolve(name + ".log");
  }

  Path logFile() {
    return logFile;
  }

  /** The running process, if its pid file names a live one. */
  Optional<ProcessHandle> running() throws IOException {
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    String text = Files.readString(pidFile).trim();
    if (!text.matches("\\d+")) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(text)).filter(ProcessHandle::isAlive);
  }

  /** Runs {@code lazarus <arguments>} in the background and waits until {@code ready} says it serves. */
  ProcessHandle start(List<String> arguments, BooleanSupplier ready, Sleeper sleeper, Clock clock) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("setsid", javaBinary(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "io.lazarus.cli.Main"));
    command.addAll(arguments);
    Files.createDirectories(logFile.getParent());
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    FileTrees.writeAtomically(pidFile, Long.toString(process.pid()).getBytes(StandardCharsets.UTF_8), null);
    Instant deadline = clock.instant().plus(START_TIMEOUT);
    while (!ready.getAsBoolean()) {
      if (!process.isAlive()) {
        Files.deleteIfExists(pidFile);
        throw new IOException(label + " stopped while starting (exit code " + process.exitValue() + "); its log: " + logFile);
      }
      if (clock.instant().isAfter(deadline)) {
        throw new IOException(label + " did not start within " + START_TIMEOUT.toSeconds() + " seconds; its log: " + logFile);
      }
      sleeper.sleep(Duration.ofMillis(200));
    }
    return process.toHandle();
  }

  /** Stops the process (SIGTERM, then SIGKILL after 30 s). Returns whether one was running. */
  boolean stop() throws IOException, InterruptedException {
    Optional<ProcessHandle> process = running();
    if (process.isPresent()) {
      process.get().destroy();
      try {
        process.get().onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } catch (TimeoutException | ExecutionException e) {
        process.get().destroyForcibly();
        process.get().onExit().join();
      }
    }
    Files.deleteIfExists(pidFile);
    return process.isPresent();
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
