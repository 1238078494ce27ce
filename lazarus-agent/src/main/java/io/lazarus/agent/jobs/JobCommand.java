package io.lazarus.agent.jobs;

import java.util.Arrays;
import java.util.Optional;

/** The agent commands that decide whether the jobs should run, by their RPC names. */
public enum JobCommand {
  /** Jobs supervised: they come back after a restart. */
  START("start"),
  /** Jobs stopped: they stay stopped. */
  STOP("stop"),
  /** New jobs loaded and not started yet: the Director starts them when it wants them running. */
  APPLY("apply");

  private final String rpcName;

  JobCommand(String rpcName) {
    this.rpcName = rpcName;
  }

  public String rpcName() {
    return rpcName;
  }

  static Optional<JobCommand> fromRpcName(String name) {
    return Arrays.stream(values()).filter(command -> command.rpcName.equals(name)).findFirst();
  }
}
