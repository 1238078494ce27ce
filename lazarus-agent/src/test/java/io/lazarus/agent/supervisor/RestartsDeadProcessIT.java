package io.lazarus.agent.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartsDeadProcessIT {
  @TempDir Path dir;
  private TestJobs jobs;
  private final RecordingListener listener = new RecordingListener();
  private MonitSupervisor supervisor;

  @BeforeEach
  void start() {
    jobs = new TestJobs(dir);
    supervisor = new MonitSupervisor(listener, Clock.systemUTC(), TestJobs.fastSettings());
  }

  @AfterEach
  void stop() {
    supervisor.close();
    assertThat(jobs.liveSpawnedPids()).isEmpty();
    assertThat(jobs.liveProcessesUnderRoot()).isEmpty();
  }

  @Test
  void aProcessWhosePidfileNamesALivePidIsRunning() {
    supervisor.load(List.of(jobs.sleeper("nats")));
    assertThat(supervisor.jobState()).isEqualTo(JobState.STOPPED);

    supervisor.startAll();

    await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.jobState() == JobState.RUNNING);
    ProcessStatus nats = supervisor.processes().get(0);
    assertThat(nats.name()).isEqualTo("nats");
    assertThat(nats.state()).isEqualTo("running");
    assertThat(nats.memoryKb()).isPositive();
    assertThat(TestJobs.report(supervisor, "nats").orElseThrow().pid()).isEqualTo(jobs.spawnedPids().get(0));
  }

  @Test
  void aKilledProcessIsReportedAndStartedAgain() {
    supervisor.load(List.of(jobs.sleeper("nats")));
    supervisor.startAll();
    await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.jobState() == JobState.RUNNING);
    long first = TestJobs.report(supervisor, "nats").orElseThrow().pid();

    ProcessHandle.of(first).orElseThrow().destroyForcibly();

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(listener.events())
        .contains(new RecordingListener.Event("nats", "does not exist", "restart", "process is not running")));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      ProcessReport nats = TestJobs.report(supervisor, "nats").orElseThrow();
      assertThat(nats.state()).isEqualTo(ProcessState.RUNNING);
      assertThat(nats.pid()).isNotEqualTo(first).isPositive();
    });
    assertThat(jobs.eventLines()).containsExactly("start nats", "start nats");
  }

  @Test
  void aProcessAlreadyRunningIsAdoptedNotStartedTwice() {
    supervisor.load(List.of(jobs.sleeper("nats")));
    supervisor.startAll();
    await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.jobState() == JobState.RUNNING);

    supervisor.unmonitor("nats");
    assertThat(supervisor.jobState()).isEqualTo(JobState.STOPPED);
    supervisor.monitor("nats");

    await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.jobState() == JobState.RUNNING);
    assertThat(jobs.eventLines()).containsExactly("start nats");
  }
}
