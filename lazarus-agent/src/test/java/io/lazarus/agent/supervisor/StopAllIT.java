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

class StopAllIT {
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
  void nothingSurvivesAStubbornProcessAHungStopProgramAndForkedHelpers() throws InterruptedException {
    // The server ignores SIGTERM and forks a helper; the stop program hangs past its timeout.
    Path ctl = jobs.script("stubborn_ctl", """
        #!/bin/bash
        case "$1" in
          start)
            mkdir -p %1$s
            (trap '' TERM; sleep 1000 & echo $! >> %2$s; while true; do sleep 1; done) >/dev/null 2>&1 &
            echo $! >> %2$s
            echo $! > %3$s
            ;;
          stop)
            echo $$ >> %2$s
            sleep 1000
            ;;
        esac
        """.formatted(jobs.pidfile("stubborn").getParent(), jobs.spawned(), jobs.pidfile("stubborn")));
    supervisor.load(List.of(jobs.job("stubborn", """
        check process stubborn
          with pidfile %1$s
          start program "%2$s start"
          stop program "%2$s stop" with timeout 1 seconds
          group vcap
        """.formatted(jobs.pidfile("stubborn"), ctl)), jobs.sleeper("plain")));
    supervisor.startAll();
    await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.jobState() == JobState.RUNNING);
    await().atMost(Duration.ofSeconds(5)).until(() -> jobs.spawnedPids().size() == 3);

    supervisor.stopAll(Duration.ofSeconds(10));

    assertThat(supervisor.jobState()).isEqualTo(JobState.STOPPED);
    assertThat(jobs.spawnedPids()).hasSize(4);
    assertThat(jobs.liveSpawnedPids()).isEmpty();
  }

  @Test
  void loadStopsTheProcessesOfRemovedJobs() {
    supervisor.load(List.of(jobs.sleeper("kept"), jobs.sleeper("removed")));
    supervisor.startAll();
    await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.jobState() == JobState.RUNNING);
    long keptPid = TestJobs.report(supervisor, "kept").orElseThrow().pid();
    long removedPid = TestJobs.report(supervisor, "removed").orElseThrow().pid();

    supervisor.load(List.of(jobs.sleeper("kept")));

    assertThat(TestJobs.isAlive(removedPid)).isFalse();
    assertThat(supervisor.processes()).singleElement().satisfies(kept -> assertThat(kept.state()).isEqualTo("running"));
    assertThat(TestJobs.report(supervisor, "kept").orElseThrow().pid()).isEqualTo(keptPid);
  }

  @Test
  void aClosedSupervisorRefusesCommands() {
    supervisor.close();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> supervisor.startAll())
        .isInstanceOf(IllegalStateException.class).hasMessage("the job supervisor is closed");
  }
}
