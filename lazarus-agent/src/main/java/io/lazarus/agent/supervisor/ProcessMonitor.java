package io.lazarus.agent.supervisor;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One monitoring step for one process, as monit's cycle does it: start what is due (dependencies first), see whether
 * a start produced a live pid in time, notice a process that died and schedule its restart. Runs under the
 * supervisor's state lock, on its scheduler thread.
 */
final class ProcessMonitor {
  private static final Logger log = LoggerFactory.getLogger(ProcessMonitor.class);

  private final ProcFs procFs;
  private final ProgramLauncher launcher;
  private final ProcessTerminator terminator;
  private final SupervisorSettings settings;

  ProcessMonitor(ProcFs procFs, ProgramLauncher launcher, ProcessTerminator terminator, SupervisorSettings settings) {
    this.procFs = procFs;
    this.launcher = launcher;
    this.terminator = terminator;
    this.settings = settings;
  }

  Optional<ProcessEvent> check(SupervisedProcess process, Map<String, SupervisedProcess> all, Instant now) {
    return switch (process.state) {
      case WAITING -> startWhenReady(process, all, now);
      case START_FAILED, NOT_RUNNING ->
          now.isBefore(process.restartAt) ? Optional.empty() : startWhenReady(process, all, now);
      case STARTING -> checkStarting(process, now);
      case RUNNING -> checkRunning(process, now);
      case STOPPED, UNMONITORED, STOPPING -> Optional.empty();
    };
  }

  private Optional<ProcessEvent> startWhenReady(SupervisedProcess process, Map<String, SupervisedProcess> all,
      Instant now) {
    boolean dependenciesRun = process.definition.dependsOn().stream()
        .allMatch(name -> all.containsKey(name) && all.get(name).state == ProcessState.RUNNING);
    if (!dependenciesRun) {
      return Optional.empty();
    }
    MonitProcess definition = process.definition;
    Optional<PidIdentity> alreadyRunning = PidFiles.liveProcess(definition.pidfile(), procFs);
    if (alreadyRunning.isPresent()) {
      log.info("Process '{}' is already running (pid {})", process.name(), alreadyRunning.get().pid());
      process.markRunning(alreadyRunning.get(), now);
      return Optional.empty();
    }
    process.stalePid = PidFiles.read(definition.pidfile());
    try {
      LaunchedProgram program = launcher.launch(process.name(), definition.startProgram());
      log.info("Starting process '{}': {}", process.name(), definition.startProgram());
      process.startGroup = program.group();
      process.state = ProcessState.STARTING;
      process.startDeadline = now.plus(startTimeout(definition));
      return Optional.empty();
    } catch (IOException e) {
      Duration delay = process.markFailed(ProcessState.START_FAILED, now);
      return Optional.of(failure(process, "start failed",
          "cannot run the start program: " + e.getMessage() + "; next attempt in " + delay.toMillis() + " ms"));
    }
  }

  private Optional<ProcessEvent> checkStarting(SupervisedProcess process, Instant now) {
    Optional<PidIdentity> started = PidFiles.liveProcess(process.definition.pidfile(), procFs)
        .filter(id -> process.stalePid.isEmpty() || id.pid() != process.stalePid.getAsLong());
    if (started.isPresent()) {
      log.info("Process '{}' is running (pid {})", process.name(), started.get().pid());
      process.markRunning(started.get(), now);
      return Optional.empty();
    }
    if (now.isBefore(process.startDeadline)) {
      return Optional.empty();
    }
    // Give the attempt up entirely, so a hung start program does not pile up with the next one.
    process.startGroup.ifPresent(group -> terminator.killNow(List.of(group)));
    process.startGroup = Optional.empty();
    Duration timeout = startTimeout(process.definition);
    Duration delay = process.markFailed(ProcessState.START_FAILED, now);
    return Optional.of(failure(process, "start failed",
        "failed to start: no live process in " + process.definition.pidfile() + " within " + timeout.toSeconds()
            + " s; next attempt in " + delay.toMillis() + " ms"));
  }

  private Optional<ProcessEvent> checkRunning(SupervisedProcess process, Instant now) {
    PidIdentity known = process.running.orElseThrow();
    Optional<PidIdentity> named = PidFiles.liveProcess(process.definition.pidfile(), procFs);
    boolean pidReused = named.isPresent() && named.get().pid() == known.pid()
        && named.get().startTicks() != known.startTicks();
    if (named.isPresent() && !pidReused) {
      if (named.get().pid() != known.pid()) {
        log.info("Process '{}' now runs as pid {} (was {})", process.name(), named.get().pid(), known.pid());
      }
      process.markRunning(named.get(), now);
      return Optional.empty();
    }
    // The pidfile may be being rewritten: the process we saw still counts while it lives.
    if (!pidReused && known.isAlive(procFs)) {
      return Optional.empty();
    }
    process.startGroup.ifPresent(group -> terminator.killNow(List.of(group)));
    process.startGroup = Optional.empty();
    Duration delay = process.markFailed(ProcessState.NOT_RUNNING, now);
    log.warn("Process '{}' (pid {}) is not running; restarting it in {} ms", process.name(), known.pid(),
        delay.toMillis());
    return Optional.of(new ProcessEvent(process.name(), "does not exist", "restart", "process is not running"));
  }

  private ProcessEvent failure(SupervisedProcess process, String event, String description) {
    log.warn("Process '{}': {}", process.name(), description);
    return new ProcessEvent(process.name(), event, "restart", description);
  }

  private Duration startTimeout(MonitProcess definition) {
    return definition.startTimeout().orElse(settings.startTimeout());
  }
}
