package io.lazarus.agent.supervisor;

/**
 * The fields of {@code /proc/<pid>/stat} the supervisor uses. Times are in clock ticks; {@code startTicks} (field 22,
 * ticks after boot) tells a process apart from a later one that got the same pid.
 */
public record ProcStat(
    long pid, char state, long parentPid, long processGroup, long session, long userTicks, long systemTicks,
    long startTicks) {

  /** Zombies ('Z') and dead tasks ('X') have ended; nobody may have reaped them yet. */
  public boolean alive() {
    return state != 'Z' && state != 'X' && state != 'x';
  }

  PidIdentity identity() {
    return new PidIdentity(pid, startTicks);
  }
}
