package io.lazarus.agent.monit;

import io.lazarus.agent.supervisor.MonitSupervisor;
import io.lazarus.agent.supervisor.ProcFs;
import io.lazarus.agent.supervisor.ProcessReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Carries out a {@link MonitRequest} on the supervisor and words the answer as monit would. Thread-safe. */
final class MonitCommands {

  /** The answer to one request: {@code ok} decides the exit code of the {@code monit} command. */
  record Answer(boolean ok, String text) {
    static Answer ok(String text) {
      return new Answer(true, text);
    }

    static Answer error(String text) {
      return new Answer(false, text);
    }
  }

  private final MonitSupervisor supervisor;
  private final String systemName;
  private final Clock clock;
  private final Instant started;
  private final ProcFs procFs;

  MonitCommands(MonitSupervisor supervisor, String systemName, Clock clock) {
    this.supervisor = supervisor;
    this.systemName = systemName;
    this.clock = clock;
    this.started = clock.instant();
    this.procFs = new ProcFs(supervisor.settings().procRoot());
  }

  Answer run(MonitRequest request) throws InterruptedException {
    List<ProcessReport> reports = supervisor.reports();
    if (request.target().isPresent() && !request.targetsAll()
        && reports.stream().noneMatch(r -> r.name().equals(request.target().get()))) {
      return Answer.error("There is no service by that name\n");
    }
    Duration stopTimeout = supervisor.settings().stopAllTimeout();
    String name = request.target().orElse(MonitRequest.ALL);
    boolean all = request.target().isEmpty() || request.targetsAll();
    switch (request.action()) {
      case SUMMARY -> {
        return Answer.ok(MonitText.summary(reports, uptime(), systemName));
      }
      case STATUS -> {
        List<ProcessReport> shown = all ? reports : reports.stream().filter(r -> r.name().equals(name)).toList();
        return Answer.ok(MonitText.status(shown, uptime(), systemName, system(), clock.instant().atZone(clock.getZone()),
            all));
      }
      case START -> {
        if (all) {
          supervisor.startAll();
        } else {
          supervisor.start(name);
        }
      }
      case STOP -> {
        if (all) {
          supervisor.stopAll(stopTimeout);
        } else {
          supervisor.stop(name, stopTimeout);
        }
      }
      case RESTART -> {
        if (all) {
          supervisor.restartAll(stopTimeout);
        } else {
          supervisor.restart(name, stopTimeout);
        }
      }
      case MONITOR -> {
        if (all) {
          supervisor.monitorAll();
        } else {
          supervisor.monitor(name);
        }
      }
      case UNMONITOR -> {
        if (all) {
          supervisor.unmonitorAll();
        } else {
          supervisor.unmonitor(name);
        }
      }
    }
    return Answer.ok("");
  }

  private Duration uptime() {
    return Duration.between(started, clock.instant());
  }

  private MonitText.SystemFigures system() {
    long total = procFs.memoryTotalKb();
    long used = total - procFs.memoryAvailableKb();
    return new MonitText.SystemFigures(procFs.loadAverage(), used,
        total > 0 ? Math.round(used * 1000.0 / total) / 10.0 : 0);
  }
}
