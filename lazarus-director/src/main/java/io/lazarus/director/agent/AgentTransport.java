package io.lazarus.director.agent;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * One request and its reply with an agent, in BOSH's protocol-3 envelopes. HTTPS is the first implementation;
 * NATS (BOSH's {@code agent.<id>} subjects) is the second. Implementations are thread-safe.
 */
public interface AgentTransport {

  /**
   * Sends {@code request} and returns the reply envelope ({@code {"value": ...}} or {@code {"exception": ...}}).
   *
   * @throws AgentUnreachableException when no reply came within {@code timeout}, the agent refused the credentials,
   *     or the connection failed
   */
  JsonNode send(AgentEndpoint endpoint, AgentRequest request, Duration timeout) throws AgentUnreachableException, InterruptedException;
}
