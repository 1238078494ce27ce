package io.lazarus.agent.supervisor;

import java.nio.file.Path;

/** A job to supervise: its name and its rendered monit file. */
public record MonitJob(String jobName, Path monitFile) {}
