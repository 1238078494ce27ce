package io.lazarus.agent.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitoring steps driven by hand with chosen instants, as the scheduler would drive them with the clock. */
class ProcessMonitorTest {
  private static final Instant T0 = Instant.parse("2026-11-29T20:00:00Z");

  @TempDir Path dir;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final SupervisorSettings settings = SupervisorSettings.defaults();
  private final ProcFs procFs = ProcFs.system();
  private final ProcessMonitor monitor = new ProcessMonitor(procFs, new ProgramLauncher(Redirect.DISCARD, procFs),
      new ProcessTerminator(procFs, scheduler), settings);
  private Process sleeper;

  @AfterEach
  void cleanUp() throws InterruptedException {
    if (sleeper != null) {
      sleeper.destroyForcibly().waitFor();
    }
    scheduler.shutdownNow();
  }

  @Test
  void aStartThatProducesNoPidFailsExactlyAtItsTimeoutAndIsRetriedAfterTheBackoff() {
    SupervisedProcess process = process("/bin/true", Optional.of(Duration.ofSeconds(30)));
    process.markWaiting();

    assertThat(check(process, T0)).isEmpty();
    assertThat(process.state).isEqualTo(ProcessState.STARTING);
    assertThat(check(process, T0.plusSeconds(29))).isEmpty();
    assertThat(process.state).isEqualTo(ProcessState.STARTING);

    Optional<ProcessEvent> failure = check(process, T0.plusSeconds(30));

    assertThat(failure).hasValueSatisfying(event -> {
      assertThat(event.event()).isEqualTo("start failed");
      assertThat(event.description()).endsWith("within 30 s; next attempt in 1000 ms");
    });
    assertThat(process.state).isEqualTo(ProcessState.START_FAILED);
    assertThat(check(process, T0.plusMillis(30_999))).isEmpty();
    assertThat(process.state).isEqualTo(ProcessState.START_FAILED);
    check(process, T0.plusSeconds(31));
    assertThat(process.state).isEqualTo(ProcessState.STARTING);
    assertThat(check(process, T0.plusSeconds(61))).hasValueSatisfying(event ->
        assertThat(event.description()).endsWith("next attempt in 2000 ms"));
  }

  @Test
  void aDeadProcessIsReportedAndItsBackoffStartsOverWhenItHadStayedUp() throws Exception {
    SupervisedProcess process = process("/bin/false", Optional.empty());
    startSleeperInto(process.definition.pidfile());
    process.markWaiting();

    check(process, T0);
    assertThat(process.state).isEqualTo(ProcessState.RUNNING);
    long pid = process.running.orElseThrow().pid();
    assertThat(pid).isEqualTo(sleeper.pid());
    assertThat(process.backoff.delayAfterFailure(Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
    sleeper.destroyForcibly().waitFor();

    Optional<ProcessEvent> event = check(process, T0.plusSeconds(120));

    assertThat(event).contains(new ProcessEvent("web", "does not exist", "restart", "process is not running"));
    assertThat(process.state).isEqualTo(ProcessState.NOT_RUNNING);
    // Up for 120 s, longer than stableAfter: the earlier failure no longer doubles the delay.
    assertThat(process.restartAt).isEqualTo(T0.plusSeconds(121));
  }

  @Test
  void aProcessWaitsForWhatItDependsOn() {
    SupervisedProcess db = process("/bin/true", Optional.empty());
    SupervisedProcess api = new SupervisedProcess("api", new MonitProcess("api", dir.resolve("api.pid"), "/bin/true",
        Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of("web"), "monit", 1),
        settings.newBackoff());
    api.markWaiting();

    monitor.check(api, Map.of("web", db, "api", api), T0);

    assertThat(api.state).isEqualTo(ProcessState.WAITING);
  }

  private Optional<ProcessEvent> check(SupervisedProcess process, Instant now) {
    return monitor.check(process, Map.of(process.name(), process), now);
  }

  private SupervisedProcess process(String start, Optional<Duration> startTimeout) {
    return new SupervisedProcess("web", new MonitProcess("web", dir.resolve("web.pid"), start, startTimeout,
        Optional.empty(), Optional.empty(), List.of(), List.of(), "monit", 1), settings.newBackoff());
  }

  private void startSleeperInto(Path pidfile) throws IOException {
    sleeper = new ProcessBuilder("sleep", "1000").start();
    Files.writeString(pidfile, sleeper.pid() + "\n");
    assertThat(sleeper.isAlive()).isTrue();
  }
}
