package io.lazarus.agent.supervisor;

/**
 * Told what the supervisor did about a process, so the agent can raise BOSH alerts. Methods are called on the
 * supervisor's own threads and must return quickly. Every method has a no-op default.
 */
public interface SupervisorListener {

  /**
   * A monit-style event: {@code service} is the process name, {@code event} monit's words ("does not exist",
   * "process is not running", "start failed"), {@code action} what the supervisor does next ("restart", "alert").
   */
  default void processEvent(String service, String event, String action, String description) {}
}
