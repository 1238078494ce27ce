/**
 * The agent's job supervisor, in place of monit: {@link io.lazarus.agent.supervisor.MonitFile} reads the monit
 * files of BOSH jobs, {@link io.lazarus.agent.supervisor.MonitSupervisor} runs their processes (start programs
 * through {@code /bin/sh -c}, liveness from pidfiles and {@code /proc}, restart with backoff, ordered stop) and
 * reports BOSH's job_state and per-process figures. The agent programs against
 * {@link io.lazarus.agent.supervisor.JobSupervisor} and learns of failures through
 * {@link io.lazarus.agent.supervisor.SupervisorListener}.
 */
package io.lazarus.agent.supervisor;
