package io.lazarus.agent.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs one command to completion for the agent (job scripts, packaging). Interrupting the waiting thread kills
 * the command and everything it started, so cancel_task really stops it.
 */
public final class ProcessRunner {
  private ProcessRunner() {}

  /** How a command ended; {@code tail} holds its last lines of output (stdout and stderr merged). */
  public record Result(int exitCode, List<String> tail) {
    public String tailText() {
      return String.join("\n", tail);
    }
  }

  /**
   * Runs {@code command} in {@code directory} with {@code extraEnvironment} added, stderr merged into stdout; each
   * output line goes to {@code lines}, the last {@code keepLines} are returned.
   */
  public static Result run(List<String> command, Path directory, Map<String, String> extraEnvironment, Consumer<String> lines, int keepLines)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    builder.environment().putAll(extraEnvironment);
    Process process = builder.start();
    Deque<String> tail = new ArrayDeque<>();
    Thread reader = Thread.ofVirtual().start(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          lines.accept(line);
          synchronized (tail) {
            tail.addLast(line);
            if (tail.size() > keepLines) {
              tail.removeFirst();
            }
          }
        }
      } catch (IOException e) {
        // the process went away: what was read is all there is
      }
    });
    try {
      int exit = process.waitFor();
      reader.join();
      synchronized (tail) {
        return new Result(exit, List.copyOf(tail));
      }
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw e;
    }
  }
}
