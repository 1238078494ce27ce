package io.lazarus.agent.supervisor;

import java.time.Duration;
import java.util.List;

/**
 * Runs the processes of a VM's jobs as their monit files describe them (the subset BOSH jobs use: {@code check
 * process}, {@code with pidfile}, {@code start program}, {@code stop program}, {@code group}, {@code depends on}).
 * Starts in dependency order, restarts a process that died (with backoff) and tells its listener, stops with the
 * stop program and then signals.
 *
 * <p>Thread-safe. IMPORTANT: must be closed; {@link #close()} stops every process it started.
 */
public interface JobSupervisor extends AutoCloseable {

  /** Replaces the supervised jobs (after an apply). Processes of jobs no longer listed are stopped first. */
  void load(List<MonitJob> jobs);

  /** Starts every process (dependencies first) and returns; progress shows in {@link #jobState()}. */
  void startAll();

  /** Stops every process and waits for them to be gone, at most {@code timeout}. */
  void stopAll(Duration timeout) throws InterruptedException;

  /** BOSH's job_state over all processes: running, failing, starting, stopped, or unknown when nothing is loaded. */
  JobState jobState();

  /** One entry per supervised process, in load order. */
  List<ProcessStatus> processes();

  @Override
  void close();
}
