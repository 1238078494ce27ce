package io.lazarus.agent.supervisor;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops one process the way BOSH jobs expect: its stop program first (bounded by its timeout), then SIGTERM and,
 * after a grace period, SIGKILL to whatever is left of it and of its programs' process groups. Thread-safe; stops
 * of independent processes run in parallel.
 */
final class ProcessStopper {
  private static final Logger log = LoggerFactory.getLogger(ProcessStopper.class);

  /** What a stop needs to know, taken from the process's record under the state lock. */
  record StopPlan(String name, Optional<String> stopProgram, Duration stopTimeout, Optional<PidIdentity> main,
      boolean runStopProgram, List<ProcessGroupRef> groups) {}

  private final ProgramLauncher launcher;
  private final ProcessTerminator terminator;
  private final ProcFs procFs;
  private final SupervisorSettings settings;
  private final Clock clock;

  ProcessStopper(ProgramLauncher launcher, ProcessTerminator terminator, ProcFs procFs, SupervisorSettings settings,
      Clock clock) {
    this.launcher = launcher;
    this.terminator = terminator;
    this.procFs = procFs;
    this.settings = settings;
    this.clock = clock;
  }

  /** The plan for stopping {@code process} as it stands now; call under the state lock. */
  StopPlan plan(SupervisedProcess process) {
    MonitProcess definition = process.definition;
    Optional<PidIdentity> main = switch (process.state) {
      case RUNNING, UNMONITORED -> process.running;
      // The pidfile may have been written since the last check; a leftover from before the start does not count.
      case STARTING -> PidFiles.liveProcess(definition.pidfile(), procFs)
          .filter(id -> process.stalePid.isEmpty() || id.pid() != process.stalePid.getAsLong());
      default -> Optional.empty();
    };
    boolean mainAlive = main.filter(id -> id.isAlive(procFs)).isPresent();
    return new StopPlan(process.name(), definition.stopProgram(),
        definition.stopTimeout().orElse(settings.stopTimeout()), main,
        mainAlive || process.state == ProcessState.STARTING, process.startGroup.stream().toList());
  }

  /**
   * Carries out {@code plan}: the stop program and SIGTERM until {@code gracefulEnd}, SIGKILL after, waiting for the
   * processes to be gone until {@code deadline}. Returns whether nothing of the process is left.
   */
  boolean stop(StopPlan plan, Instant gracefulEnd, Instant deadline) throws InterruptedException {
    List<ProcessGroupRef> groups = new ArrayList<>(plan.groups());
    if (plan.runStopProgram() && plan.stopProgram().isPresent()) {
      runStopProgram(plan, min(plan.stopTimeout(), until(gracefulEnd)), groups);
    }
    boolean gone = terminator.terminate(plan.main(), groups, min(settings.termGrace(), until(gracefulEnd)),
        until(deadline));
    if (!gone) {
      List<Long> pids = terminator.survivors(plan.main(), groups).stream().map(ProcStat::pid).toList();
      log.warn("Process '{}' left processes that outlived SIGKILL: {}", plan.name(), pids);
    }
    return gone;
  }

  private void runStopProgram(StopPlan plan, Duration budget, List<ProcessGroupRef> groups)
      throws InterruptedException {
    try {
      LaunchedProgram program = launcher.launch(plan.name(), plan.stopProgram().get());
      log.info("Stopping process '{}': {}", plan.name(), plan.stopProgram().get());
      // Its group joins the sweep, so a stop program that overran its timeout is ended too.
      program.group().ifPresent(groups::add);
      if (!program.process().waitFor(budget.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("The stop program of process '{}' did not finish within {} ms; ending it", plan.name(),
            budget.toMillis());
      }
    } catch (IOException e) {
      log.warn("Cannot run the stop program of process '{}' ({}); signalling it instead", plan.name(),
          e.getMessage());
    }
  }

  private Duration until(Instant instant) {
    Duration left = Duration.between(clock.instant(), instant);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
