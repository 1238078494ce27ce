package io.lazarus.agent.supervisor;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The supervisor's record of one process: its definition, its state and what it knows about the running process.
 * Mutable; guarded by the supervisor's state lock.
 */
final class SupervisedProcess {
  String jobName;
  MonitProcess definition;
  ProcessState state = ProcessState.STOPPED;
  /** The live process its pidfile named when last checked. */
  Optional<PidIdentity> running = Optional.empty();
  Instant runningSince;
  /** While STARTING: when the start program has run out of time. */
  Instant startDeadline;
  /** While STARTING: the pid the pidfile named before the start program ran, a leftover that must not count. */
  OptionalLong stalePid = OptionalLong.empty();
  /** While failed: when to start it again. */
  Instant restartAt;
  /** The process group of the last start program, for what it may have left behind. */
  Optional<ProcessGroupRef> startGroup = Optional.empty();
  final RestartBackoff backoff;

  SupervisedProcess(String jobName, MonitProcess definition, RestartBackoff backoff) {
    this.jobName = jobName;
    this.definition = definition;
    this.backoff = backoff;
  }

  String name() {
    return definition.name();
  }

  void markRunning(PidIdentity identity, Instant now) {
    if (state != ProcessState.RUNNING) {
      runningSince = now;
    }
    state = ProcessState.RUNNING;
    running = Optional.of(identity);
    stalePid = OptionalLong.empty();
  }

  /** Records a failure and schedules the restart; returns the delay. */
  Duration markFailed(ProcessState failure, Instant now) {
    Duration upFor = state == ProcessState.RUNNING ? Duration.between(runningSince, now) : Duration.ZERO;
    Duration delay = backoff.delayAfterFailure(upFor);
    state = failure;
    running = Optional.empty();
    restartAt = now.plus(delay);
    return delay;
  }

  /** Asked to start (again): wait for the dependencies, then run the start program. */
  void markWaiting() {
    backoff.reset();
    state = ProcessState.WAITING;
  }

  void markStopped() {
    state = ProcessState.STOPPED;
    running = Optional.empty();
    startGroup = Optional.empty();
    stalePid = OptionalLong.empty();
  }
}
