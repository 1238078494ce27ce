package io.lazarus.monitor.ingest;

import tools.jackson.databind.JsonNode;

/**
 * What agents tell the Health Monitor, whatever carries it (HTTPS here; NATS could implement the same). The
 * transport has already authenticated {@code agentId} and parsed the body; a body that is not JSON never gets
 * here, so it does not count as a sign of life. Implementations are thread-safe.
 */
public interface AgentMessages {
  /** A heartbeat (bosh-behaviour.md §2.4). */
  void onHeartbeat(String agentId, JsonNode payload);

  /**
   * An alert the agent raised (§2.5).
   *
   * @throws InvalidAgentMessageException when the alert lacks what BOSH requires (id, severity, title, created_at)
   */
  void onAlert(String agentId, JsonNode payload);

  /** The agent is shutting down on purpose: forget it. */
  void onShutdown(String agentId);
}
