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

class DependencyOrderIT {
  @TempDir Path dir;
  private TestJobs jobs;
  private MonitSupervisor supervisor;

  @BeforeEach
  void start() {
    jobs = new TestJobs(dir);
    supervisor = new MonitSupervisor(new RecordingListener(), Clock.systemUTC(), TestJobs.fastSettings());
  }

  @AfterEach
  void stop() {
    supervisor.close();
    assertThat(jobs.liveSpawnedPids()).isEmpty();
    assertThat(jobs.liveProcessesUnderRoot()).isEmpty();
  }

  @Test
  void startsDependenciesFirstAndStopsThemLast() throws InterruptedException {
    supervisor.load(List.of(jobs.sleeper("worker", "api"), jobs.sleeper("api", "db"), jobs.sleeper("db")));

    supervisor.startAll();
    await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.jobState() == JobState.RUNNING);
    assertThat(jobs.eventLines()).containsExactly("start db", "start api", "start worker");
    assertThat(supervisor.processes()).extracting(ProcessStatus::name).containsExactly("worker", "api", "db");

    supervisor.stopAll(Duration.ofSeconds(10));

    assertThat(supervisor.jobState()).isEqualTo(JobState.STOPPED);
    assertThat(jobs.eventLines()).containsExactly(
        "start db", "start api", "start worker", "stop worker", "stop api", "stop db");
    assertThat(jobs.liveSpawnedPids()).isEmpty();
  }

  @Test
  void stoppingOneProcessStopsWhatDependsOnIt() throws InterruptedException {
    supervisor.load(List.of(jobs.sleeper("worker", "api"), jobs.sleeper("api", "db"), jobs.sleeper("db")));
    supervisor.startAll();
    await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.jobState() == JobState.RUNNING);

    supervisor.stop("api", Duration.ofSeconds(10));

    assertThat(supervisor.processes()).extracting(ProcessStatus::state)
        .containsExactly("stopped", "stopped", "running");
    assertThat(jobs.eventLines()).endsWith("stop worker", "stop api");
  }
}
