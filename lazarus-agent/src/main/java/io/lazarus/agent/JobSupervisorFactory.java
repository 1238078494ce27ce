package io.lazarus.agent;

import io.lazarus.agent.supervisor.JobSupervisor;
import io.lazarus.agent.supervisor.SupervisorListener;

/**
 * Makes the agent's job supervisor. The agent finds its implementation through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.lazarus.agent.JobSupervisorFactory}), so the supervisor module plugs in without
 * the agent's core naming it.
 */
@FunctionalInterface
public interface JobSupervisorFactory {

  /** A supervisor for the jobs under {@code paths}, telling {@code listener} about process events. */
  JobSupervisor create(AgentPaths paths, SupervisorListener listener);
}
