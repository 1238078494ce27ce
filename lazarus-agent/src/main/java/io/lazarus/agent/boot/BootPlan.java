package io.lazarus.agent.boot;

import io.lazarus.agent.jobs.JobCommand;
import java.util.List;
import java.util.Optional;

/**
 * What a starting agent does with the jobs of its stored spec: nothing, load them (so get_state and heartbeats
 * report them stopped and a later {@code start} finds them), or load and start them. A value, decided by
 * {@link #decide}.
 */
public record BootPlan(Action action, String reason) {

  public enum Action { NOTHING, LOAD, LOAD_AND_START }

  /**
   * @param specJobs the jobs of the stored spec
   * @param missingJobs those of them with no {@code jobs/<name>} on the VM
   * @param lastCommand the last of start, stop and apply, if any was recorded
   * @param disksReady whether the persistent disks that were mounted are mounted again
   */
  public static BootPlan decide(List<String> specJobs, List<String> missingJobs, Optional<JobCommand> lastCommand,
      boolean disksReady) {
    if (specJobs.isEmpty()) {
      return new BootPlan(Action.NOTHING, "the stored spec has no jobs");
    }
    if (!missingJobs.isEmpty()) {
      return new BootPlan(Action.NOTHING, "jobs " + missingJobs + " of the stored spec are not installed");
    }
    if (lastCommand.isEmpty()) {
      return new BootPlan(Action.LOAD, "jobs " + specJobs + " loaded, not started: no start was recorded");
    }
    if (lastCommand.get() != JobCommand.START) {
      return new BootPlan(Action.LOAD, "jobs " + specJobs + " loaded, not started: the last job command was '"
          + lastCommand.get().rpcName() + "'");
    }
    if (!disksReady) {
      return new BootPlan(Action.LOAD, "jobs " + specJobs + " loaded, not started: the persistent disk is not mounted again");
    }
    return new BootPlan(Action.LOAD_AND_START, "jobs " + specJobs + " started again: the last job command was 'start'");
  }

  public boolean loads() {
    return action != Action.NOTHING;
  }

  public boolean starts() {
    return action == Action.LOAD_AND_START;
  }
}
