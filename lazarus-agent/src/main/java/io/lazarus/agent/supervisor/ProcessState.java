package io.lazarus.agent.supervisor;

/**
 * Where a supervised process stands. {@link #wire()} is the word get_state reports (running, starting, failing,
 * stopped); {@link #monitWord()} is what {@code monit summary} shows.
 */
public enum ProcessState {
  /** Not started, or stopped on request. */
  STOPPED("stopped", "not monitored"),
  /** Left alone on request ({@code monit unmonitor}): it may still run, nobody restarts it. */
  UNMONITORED("stopped", "not monitored"),
  /** To be started once the processes it depends on run. */
  WAITING("starting", "start pending"),
  /** Its start program ran; its pidfile does not yet name a live process. */
  STARTING("starting", "start pending"),
  RUNNING("running", "running"),
  /** Its pidfile never named a live process within the start timeout; a restart is scheduled. */
  START_FAILED("failing", "Execution failed"),
  /** It died; a restart is scheduled. */
  NOT_RUNNING("failing", "Does not exist"),
  /** Being stopped: no longer monitored, maybe still alive. */
  STOPPING("stopped", "stop pending");

  private final String wire;
  private final String monitWord;

  ProcessState(String wire, String monitWord) {
    this.wire = wire;
    this.monitWord = monitWord;
  }

  public String wire() {
    return wire;
  }

  public String monitWord() {
    return monitWord;
  }

  /** Whether the supervisor watches (and restarts) the process in this state. */
  public boolean monitored() {
    return this != STOPPED && this != UNMONITORED && this != STOPPING;
  }

  boolean failed() {
    return this == START_FAILED || this == NOT_RUNNING;
  }
}
