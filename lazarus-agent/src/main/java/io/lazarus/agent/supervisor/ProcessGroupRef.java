package io.lazarus.agent.supervisor;

import java.util.Optional;

/**
 * A process group (and session) the supervisor created by starting a program under {@code setsid}: its id is the
 * pid of its first process, the leader. {@code leaderStartTicks} is the leader's start time, or -1 when the leader
 * had already ended when it was read.
 */
record ProcessGroupRef(long id, long leaderStartTicks) {

  /**
   * Whether the group with this id is still the one the supervisor created. While any member lives, Linux does not
   * hand the id out as a pid again, so a missing leader means the group is ours (or empty); a live process with the
   * id must be the leader itself.
   */
  boolean stillOurs(ProcFs procFs, long selfPid) {
    Optional<ProcStat> leader = procFs.stat(id);
    if (leader.isEmpty()) {
      return true;
    }
    return leaderStartTicks >= 0 ? leader.get().startTicks() == leaderStartTicks : leader.get().parentPid() == selfPid;
  }
}
