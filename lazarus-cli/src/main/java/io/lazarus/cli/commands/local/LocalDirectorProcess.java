package io.lazarus.cli.commands.local;

import io.lazarus.core.files.FileTrees;
import io.lazarus.core.time.Sleeper;
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

/**
 * The local Director of {@code lazarus up}: a {@code lazarus director --config} process of its own session (so it
 * outlives the terminal's Ctrl-C), logging to {@code <store>/director/director.log}, its pid in {@code
 * <store>/director/director.pid}.
 */
final class LocalDirectorProcess {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Path store;

  LocalDirectorProcess(Path store) {
    this.store = store.toAbsolutePath();
  }

  Path pidFile() {
    return store.resolve("director/director.pid");
  }

  Path logFile() {
    return store.resolve("director/director.log");
  }

  Path envFile() {
    return store.resolve("director/env.json");
  }

  /** The running Director's process, if its pid file names a live one. */
  Optional<ProcessHandle> running() throws IOException {
    if (!Files.exists(pidFile())) {
      return Optional.empty();
    }
    String text = Files.readString(pidFile()).trim();
    if (!text.matches("\\d+")) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(text)).filter(ProcessHandle::isAlive);
  }

  /** Starts the Director from {@code configFile} and waits until it wrote a fresh env.json (it is serving then). */
  ProcessHandle start(Path configFile, Sleeper sleeper, Clock clock) throws IOException, InterruptedException {
    Files.deleteIfExists(envFile());
    List<String> command = new ArrayList<>(List.of("setsid", javaBinary(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "io.lazarus.cli.Main", "director", "--config", configFile.toString()));
    Files.createDirectories(logFile().getParent());
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
    FileTrees.writeAtomically(pidFile(), Long.toString(process.pid()).getBytes(StandardCharsets.UTF_8), null);
    Instant deadline = clock.instant().plus(START_TIMEOUT);
    while (!Files.exists(envFile())) {
      if (!process.isAlive()) {
        Files.deleteIfExists(pidFile());
        throw new IOException("the Director stopped while starting (exit code " + process.exitValue() + "); its log: " + logFile());
      }
      if (clock.instant().isAfter(deadline)) {
        throw new IOException("the Director did not start within " + START_TIMEOUT.toSeconds() + " seconds; its log: " + logFile());
      }
      sleeper.sleep(Duration.ofMillis(200));
    }
    return process.toHandle();
  }

  /** Stops the Director (SIGTERM, then SIGKILL after 30 s). Returns whether one was running. */
  boolean stop() throws IOException, InterruptedException {
    Optional<ProcessHandle> process = running();
    if (process.isPresent()) {
      process.get().destroy();
      try {
        process.get().onExit().get(STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
        process.get().destroyForcibly();
        process.get().onExit().join();
      }
    }
    Files.deleteIfExists(pidFile());
    return process.isPresent();
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
