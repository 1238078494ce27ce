package io.lazarus.agent.supervisor;

import static io.lazarus.agent.supervisor.ProcessState.NOT_RUNNING;
import static io.lazarus.agent.supervisor.ProcessState.RUNNING;
import static io.lazarus.agent.supervisor.ProcessState.STARTING;
import static io.lazarus.agent.supervisor.ProcessState.START_FAILED;
import static io.lazarus.agent.supervisor.ProcessState.STOPPED;
import static io.lazarus.agent.supervisor.ProcessState.STOPPING;
import static io.lazarus.agent.supervisor.ProcessState.UNMONITORED;
import static io.lazarus.agent.supervisor.ProcessState.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JobStatesTest {

  @Test
  void nothingSupervisedIsUnknown() {
    assertThat(JobStates.of(List.of())).isEqualTo(JobState.UNKNOWN);
  }

  @Test
  void allRunningIsRunning() {
    assertThat(JobStates.of(List.of(RUNNING, RUNNING))).isEqualTo(JobState.RUNNING);
  }

  @Test
  void anyStartingWithoutFailureIsStarting() {
    assertThat(JobStates.of(List.of(RUNNING, STARTING))).isEqualTo(JobState.STARTING);
    assertThat(JobStates.of(List.of(WAITING, RUNNING))).isEqualTo(JobState.STARTING);
  }

  @Test
  void anyFailureIsFailingEvenWhileOthersStart() {
    assertThat(JobStates.of(List.of(RUNNING, STARTING, NOT_RUNNING))).isEqualTo(JobState.FAILING);
    assertThat(JobStates.of(List.of(START_FAILED, STOPPED))).isEqualTo(JobState.FAILING);
  }

  @Test
  void allStoppedOrUnmonitoredIsStopped() {
    assertThat(JobStates.of(List.of(STOPPED, UNMONITORED, STOPPING))).isEqualTo(JobState.STOPPED);
  }

  @Test
  void aStoppedProcessBesideRunningOnesIsFailing() {
    assertThat(JobStates.of(List.of(RUNNING, UNMONITORED))).isEqualTo(JobState.FAILING);
  }
}
