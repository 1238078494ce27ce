package io.lazarus.director.instances;

import io.lazarus.director.agent.AgentEndpoint;
import java.net.URI;
import java.time.Instant;

/**
 * A VM the Director created (or is creating: {@code cid} is null until the CPI answered), the agent on it and how
 * to reach that agent. {@code active} is false for a VM being replaced.
 */
public record Vm(long id, Long instanceId, String agentId, String cid, boolean active, String cpi, URI mbusUrl, String mbusUser, String mbusPassword, String stemcell, Instant createdAt) {

  public AgentEndpoint endpoint() {
    return new AgentEndpoint(agentId, mbusUrl, mbusUser, mbusPassword);
  }

  @Override
  public String toString() {
    return "Vm[" + cid + ", agent " + agentId + ", " + mbusUrl + "]";
  }
}
