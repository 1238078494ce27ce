package io.lazarus.cpi.local.process;

/** A process named so that a reused pid is not mistaken for it: the pid and the start time from /proc. */
public record ProcessId(long pid, long startTime) {}
