package io.lazarus.agent.supervisor;

import java.util.Optional;

/** A start or stop program the supervisor spawned, and the process group it runs in when it has its own. */
record LaunchedProgram(Process process, Optional<ProcessGroupRef> group) {}
