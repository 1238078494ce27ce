package io.lazarus.agent.logging;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.event.Level;

/** Where log lines go: appended to a file, or to stderr. Lines from concurrent threads never interleave. */
final class LogSink {
  private final PrintStream out;

  LogSink(PrintStream out) {
    this.out = out;
  }

  /** {@code $VCAP_ROOT/bosh/log/current} when VCAP_ROOT is set and writable, stderr otherwise. */
  static LogSink fromEnvironment() {
    String root = System.getenv("VCAP_ROOT");
    if (root != null && !root.isBlank()) {
      Path file = Path.of(root, "bosh", "log", "current");
      try {
        Files.createDirectories(file.getParent());
        return new LogSink(new PrintStream(new FileOutputStream(file.toFile(), true), true, StandardCharsets.UTF_8));
      } catch (IOException e) {
        System.err.println("agent log: cannot append to " + file + " (" + e.getMessage() + "), logging to stderr");
      }
    }
    return new LogSink(System.err);
  }

  synchronized void write(Level level, String logger, String message, Throwable throwable) {
    out.print(Instant.now());
    out.print(' ');
    out.print(level);
    out.print(level.toString().length() == 4 ? "  [" : " [");
    out.print(Thread.currentThread().getName());
    out.print("] ");
    out.print(logger);
    out.print(": ");
    out.println(message);
    if (throwable != null) {
      throwable.printStackTrace(out);
    }
  }
}
