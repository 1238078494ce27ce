package io.lazarus.director.agent;

import java.net.URI;

/**
 * Where one agent answers and how to log in to it: its mbus URL without credentials ({@code https://ip:6868}) and
 * the per-agent credentials the Director generated when it created the VM.
 */
public record AgentEndpoint(String agentId, URI url, String user, String password) {
  @Override
  public String toString() {
    return "agent " + agentId + " at " + url;
  }
}
