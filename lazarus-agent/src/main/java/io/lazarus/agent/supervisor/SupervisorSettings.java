package io.lazarus.agent.supervisor;

import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Timings and places of a {@link MonitSupervisor}. {@link #defaults()} follows monit (30 s program timeouts) and
 * polls every second; tests shorten the times with the {@code with...} methods. Immutable.
 *
 * @param pollInterval how often pidfiles and /proc are checked
 * @param startTimeout how long a start program may take to produce a live pid, unless its monit file says
 * @param stopTimeout how long a stop program may run, unless its monit file says
 * @param restartDelay first delay before restarting a process that died, doubled after each failure ...
 * @param maxRestartDelay ... up to this
 * @param stableAfter a process that stayed up this long starts again from {@code restartDelay}
 * @param termGrace after the stop program, how long a process gets between SIGTERM and SIGKILL
 * @param stopAllTimeout the bound of {@code close()} and of stops asked for without a timeout
 * @param procRoot where /proc is
 * @param programOutput where start and stop programs write (BOSH jobs' programs log to their own files)
 */
public record SupervisorSettings(
    Duration pollInterval,
    Duration startTimeout,
    Duration stopTimeout,
    Duration restartDelay,
    Duration maxRestartDelay,
    Duration stableAfter,
    Duration termGrace,
    Duration stopAllTimeout,
    Path procRoot,
    Redirect programOutput) {

  public static SupervisorSettings defaults() {
    return new SupervisorSettings(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(30),
        Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(10),
        Duration.ofSeconds(120), Path.of("/proc"), Redirect.DISCARD);
  }

  public SupervisorSettings withPollInterval(Duration value) {
    return new SupervisorSettings(value, startTimeout, stopTimeout, restartDelay, maxRestartDelay, stableAfter,
        termGrace, stopAllTimeout, procRoot, programOutput);
  }

  public SupervisorSettings withProgramTimeouts(Duration start, Duration stop) {
    return new SupervisorSettings(pollInterval, start, stop, restartDelay, maxRestartDelay, stableAfter, termGrace,
        stopAllTimeout, procRoot, programOutput);
  }

  public SupervisorSettings withRestartBackoff(Duration first, Duration max, Duration stable) {
    return new SupervisorSettings(pollInterval, startTimeout, stopTimeout, first, max, stable, termGrace,
        stopAllTimeout, procRoot, programOutput);
  }

  public SupervisorSettings withTermGrace(Duration value) {
    return new SupervisorSettings(pollInterval, startTimeout, stopTimeout, restartDelay, maxRestartDelay,
        stableAfter, value, stopAllTimeout, procRoot, programOutput);
  }

  public SupervisorSettings withStopAllTimeout(Duration value) {
    return new SupervisorSettings(pollInterval, startTimeout, stopTimeout, restartDelay, maxRestartDelay,
        stableAfter, termGrace, value, procRoot, programOutput);
  }

  public SupervisorSettings withProgramOutput(Redirect value) {
    return new SupervisorSettings(pollInterval, startTimeout, stopTimeout, restartDelay, maxRestartDelay,
        stableAfter, termGrace, stopAllTimeout, procRoot, value);
  }

  RestartBackoff newBackoff() {
    return new RestartBackoff(restartDelay, maxRestartDelay, stableAfter);
  }
}
