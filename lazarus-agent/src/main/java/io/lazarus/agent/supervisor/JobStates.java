package io.lazarus.agent.supervisor;

import java.util.Collection;

/** BOSH's job_state over the states of a VM's processes. */
public final class JobStates {
  private JobStates() {}

  /**
   * unknown when nothing is supervised; failing when any process fails; starting when any starts (and none fails);
   * running when all run; stopped when all are stopped or unmonitored. A mix of running and stopped processes is
   * failing, as BOSH's agent reports a process monit does not watch.
   */
  public static JobState of(Collection<ProcessState> states) {
    if (states.isEmpty()) {
      return JobState.UNKNOWN;
    }
    if (states.stream().anyMatch(s -> s.wire().equals("failing"))) {
      return JobState.FAILING;
    }
    if (states.stream().anyMatch(s -> s.wire().equals("starting"))) {
      return JobState.STARTING;
    }
    if (states.stream().allMatch(s -> s == ProcessState.RUNNING)) {
      return JobState.RUNNING;
    }
    if (states.stream().allMatch(s -> s.wire().equals("stopped"))) {
      return JobState.STOPPED;
    }
    return JobState.FAILING;
  }
}
