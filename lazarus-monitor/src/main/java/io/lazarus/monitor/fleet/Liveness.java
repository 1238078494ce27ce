package io.lazarus.monitor.fleet;

import java.time.Duration;
import java.time.Instant;

/**
 * Judges an agent's silence (bosh-behaviour.md §2.6 plus Lazarus' warm-up, healing.md): silence is measured from the
 * latest of its last heartbeat, its discovery, and {@code warmUpStart} (the HM's start, or the moment the Director
 * came back after being unreachable); timed out means silent strictly longer than {@code agentTimeout}.
 */
public record Liveness(Duration agentTimeout, Instant warmUpStart) {

  public Instant silentSince(Agent agent) {
    return latest(latest(agent.lastHeartbeat(), agent.discoveredAt()), warmUpStart);
  }

  /** The first instant at which the agent counts as timed out if nothing arrives before. */
  public Instant timeoutAt(Agent agent) {
    return silentSince(agent).plus(agentTimeout).plusNanos(1);
  }

  public boolean timedOut(Agent agent, Instant now) {
    return !now.isBefore(timeoutAt(agent));
  }

  /** No heartbeat yet, and not yet a full timeout since the warm-up began. */
  public boolean warmingUp(Agent agent, Instant now) {
    return agent.lastHeartbeat() == null && !timedOut(agent, now);
  }

  public Liveness directorBackAt(Instant at) {
    return new Liveness(agentTimeout, latest(warmUpStart, at));
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
