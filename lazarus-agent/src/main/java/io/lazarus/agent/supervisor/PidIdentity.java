package io.lazarus.agent.supervisor;

/** A process as the supervisor saw it: its pid together with its start time, so a reused pid is not mistaken for it. */
record PidIdentity(long pid, long startTicks) {

  boolean isAlive(ProcFs procFs) {
    return procFs.stat(pid).filter(s -> s.startTicks() == startTicks && s.alive()).isPresent();
  }
}
