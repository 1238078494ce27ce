package io.lazarus.agent.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartTimeoutIT {
  @TempDir Path dir;
  private final RecordingListener listener = new RecordingListener();
  private MonitSupervisor supervisor;
  private TestJobs jobs;

  @AfterEach
  void stop() {
    supervisor.close();
    assertThat(jobs.liveSpawnedPids()).isEmpty();
    assertThat(jobs.liveProcessesUnderRoot()).isEmpty();
  }

  @Test
  void aStartProgramThatNeverWritesItsPidfileFailsAfterItsTimeoutAndIsEnded() {
    jobs = new TestJobs(dir);
    Path ctl = jobs.script("hang_ctl", """
        #!/bin/sh
        echo $$ >> %s
        exec sleep 1000
        """.formatted(jobs.spawned()));
    supervisor = new MonitSupervisor(listener, Clock.systemUTC(), TestJobs.fastSettings()
        .withRestartBackoff(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60)));
    supervisor.load(List.of(jobs.job("hang", """
        check process hang
          with pidfile %s
          start program "%s" with timeout 1 seconds
          group vcap
        """.formatted(jobs.pidfile("hang"), ctl))));

    supervisor.startAll();
    assertThat(supervisor.jobState()).isEqualTo(JobState.STARTING);

    await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.jobState() == JobState.FAILING);
    assertThat(supervisor.processes().get(0).state()).isEqualTo("failing");
    // The listener hears of it right after the state changed, on the supervisor's thread.
    await().atMost(Duration.ofSeconds(5)).until(() -> !listener.events().isEmpty());
    assertThat(listener.events()).singleElement().satisfies(event -> {
      assertThat(event.event()).isEqualTo("start failed");
      assertThat(event.action()).isEqualTo("restart");
      assertThat(event.description()).contains("within 1 s");
    });
    // The given-up attempt is ended at once, not left to pile up with the next one.
    await().atMost(Duration.ofSeconds(5)).until(() -> jobs.liveSpawnedPids().isEmpty());
    assertThat(jobs.spawnedPids()).hasSize(1);
  }
}
