package io.lazarus.agent.supervisor;

/** BOSH's job_state values, as heartbeats and get_state report them. */
public enum JobState {
  RUNNING("running"),
  FAILING("failing"),
  STARTING("starting"),
  STOPPED("stopped"),
  UNKNOWN("unknown");

  private final String wire;

  JobState(String wire) {
    this.wire = wire;
  }

  /** The value on the wire. */
  public String wire() {
    return wire;
  }
}
