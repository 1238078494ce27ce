package io.lazarus.agent.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.agent.boot.BootPlan.Action;
import io.lazarus.agent.jobs.JobCommand;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BootPlanTest {
  static final List<String> JOBS = List.of("web", "worker");

  @Test
  void jobsLastStartedAreLoadedAndStarted() {
    BootPlan plan = BootPlan.decide(JOBS, List.of(), Optional.of(JobCommand.START), true);

    assertThat(plan.action()).isEqualTo(Action.LOAD_AND_START);
    assertThat(plan.reason()).isEqualTo("jobs [web, worker] started again: the last job command was 'start'");
  }

  @Test
  void jobsLastStoppedAreLoadedButStayStopped() {
    BootPlan plan = BootPlan.decide(JOBS, List.of(), Optional.of(JobCommand.STOP), true);

    assertThat(plan.action()).isEqualTo(Action.LOAD);
    assertThat(plan.reason()).endsWith("not started: the last job command was 'stop'");
  }

  @Test
  void jobsAppliedAndNotStartedSinceStayStopped() {
    BootPlan plan = BootPlan.decide(JOBS, List.of(), Optional.of(JobCommand.APPLY), true);

    assertThat(plan.action()).isEqualTo(Action.LOAD);
    assertThat(plan.reason()).endsWith("the last job command was 'apply'");
  }

  @Test
  void withoutARecordedCommandTheJobsAreNotStarted() {
    BootPlan plan = BootPlan.decide(JOBS, List.of(), Optional.empty(), true);

    assertThat(plan.action()).isEqualTo(Action.LOAD);
    assertThat(plan.reason()).endsWith("no start was recorded");
  }

  @Test
  void startedJobsWaitWhenTheirDiskCouldNotBeMountedAgain() {
    BootPlan plan = BootPlan.decide(JOBS, List.of(), Optional.of(JobCommand.START), false);

    assertThat(plan.action()).isEqualTo(Action.LOAD);
    assertThat(plan.reason()).endsWith("the persistent disk is not mounted again");
  }

  @Test
  void jobsThatAreNotInstalledAreLeftAlone() {
    BootPlan plan = BootPlan.decide(JOBS, List.of("worker"), Optional.of(JobCommand.START), true);

    assertThat(plan.action()).isEqualTo(Action.NOTHING);
    assertThat(plan.reason()).isEqualTo("jobs [worker] of the stored spec are not installed");
  }

  @Test
  void aSpecWithoutJobsNeedsNothing() {
    BootPlan plan = BootPlan.decide(List.of(), List.of(), Optional.of(JobCommand.START), true);

    assertThat(plan.loads()).isFalse();
    assertThat(plan.starts()).isFalse();
  }
}
