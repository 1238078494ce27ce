package io.lazarus.cli;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Duration;

/**
 * Runs the CLI in-process with a private config file, given stdin and variables, a fixed clock (unless told
 * otherwise) and no sleeping.
 */
public final class CliRun {
  public static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  private final Path home;
  private final Map<String, String> variables = new HashMap<>();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private String stdin = "";
  private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private boolean realTime;
  private SleepHook sleepHook;

  public CliRun(Path home) {
    this.home = home;
    variables.put("LAZARUS_CONFIG", home.resolve("lazarus-config").toString());
  }

  public CliRun variable(String name, String value) {
    variables.put(name, value);
    return this;
  }

  public CliRun stdin(String text) {
    this.stdin = text;
    return this;
  }

  /** A real Director judges times by its own clock: tests against one must send times from the real clock. */
  public CliRun clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /**
   * The system clock and real waits between polls, for long tasks of a real Director (a recording sleeper would turn
   * following a deploy into a busy loop).
   */
  public CliRun realTime() {
    this.clock = Clock.systemUTC();
    this.realTime = true;
    return this;
  }

  public Path configFile() {
    return Path.of(variables.get("LAZARUS_CONFIG"));
  }

  /** How long the CLI asked to sleep, in order. */
  public List<Duration> sleeps() {
    return sleeps;
  }

  /** Something to do at each sleep of the CLI, given how many it asked for so far. */
  @FunctionalInterface
  public interface SleepHook {
    /** Throwing {@link InterruptedException} ends the wait as an interrupt (Ctrl-C) would. */
    void slept(int count) throws InterruptedException;
  }

  /** Runs {@code hook} at each sleep: to change what a fake answers between polls, or to end a command that polls forever. */
  public CliRun onSleep(SleepHook hook) {
    this.sleepHook = hook;
    return this;
  }

  public Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = execute(out, err, args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * Starts a command that runs until interrupted ({@code logs --follow}) on its own thread; {@link Background#out()}
   * shows what it printed so far, {@link Background#stop()} interrupts it as Ctrl-C would and waits for its result.
   */
  public Background start(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    java.util.concurrent.CompletableFuture<Integer> code = new java.util.concurrent.CompletableFuture<>();
    Thread thread = Thread.ofVirtual().start(() -> code.complete(execute(out, err, args)));
    return new Background(thread, code, out, err);
  }

  /** A command running on its own thread. */
  public record Background(Thread thread, java.util.concurrent.CompletableFuture<Integer> code, ByteArrayOutputStream out, ByteArrayOutputStream err) {
    public String output() {
      return out.toString(StandardCharsets.UTF_8);
    }

    public Result stop() throws Exception {
      thread.interrupt();
      int exit = code.get(30, java.util.concurrent.TimeUnit.SECONDS);
      return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  private int execute(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
    CliEnvironment environment = new CliEnvironment(
        new BufferedReader(new StringReader(stdin)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.copyOf(variables),
        home,
        clock,
        duration -> {
          sleeps.add(duration);
          if (sleepHook != null) {
            sleepHook.slept(sleeps.size());
          }
          if (realTime) {
            Thread.sleep(duration);
          }
        },
        null,
        false);
    return Cli.run(args, environment);
  }

  /** What one run printed and returned. */
  public record Result(int exitCode, String out, String err) {
    /** stdout without the trailing spaces of table lines, for readable expectations. */
    public String outTrimmed() {
      return out.replaceAll("(?m) +$", "");
    }
  }
}
