package io.lazarus.cpi.local.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends signals through {@code kill(1)}: Java's own API only knows SIGTERM and SIGKILL, and the local cloud also
 * needs SIGSTOP and SIGCONT. A process that has already gone is not an error.
 */
public final class Signals {
  private Signals() {}

  /** Sends {@code signal} (e.g. "TERM", "KILL", "STOP", "CONT") to every pid; returns once kill(1) has run. */
  public static void send(String signal, Collection<Long> pids) {
    if (pids.isEmpty()) {
      return;
    }
    List<String> command = new ArrayList<>(List.of("kill", "-s", signal, "--"));
    pids.forEach(pid -> command.add(Long.toString(pid)));
    try {
      Process kill = new ProcessBuilder(command)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!kill.waitFor(10, TimeUnit.SECONDS)) {
        kill.destroyForcibly();
        throw new IllegalStateException("kill -s " + signal + " did not finish within 10 s");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run kill -s " + signal + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending SIG" + signal, e);
    }
  }
}
