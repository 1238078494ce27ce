package io.lazarus.agent.transport;

/**
 * Publishes what the Health Monitor listens to: heartbeats, alerts and the shutdown notice (HTTPS POSTs, or NATS
 * {@code hm.agent.*.<id>} later). Sends are best effort: a failure is retried a bounded number of times and
 * reported through the return value, never thrown. Thread-safe. IMPORTANT: must be closed.
 */
public interface HeartbeatSender extends AutoCloseable {

  /** @return whether the receiver took it */
  boolean heartbeat(Heartbeat heartbeat);

  /** @return whether the receiver took it */
  boolean alert(Alert alert);

  /** Tells the receiver the agent is shutting down on purpose (drain shutdown), so it raises no alarm. */
  boolean shutdown();

  @Override
  void close();
}
