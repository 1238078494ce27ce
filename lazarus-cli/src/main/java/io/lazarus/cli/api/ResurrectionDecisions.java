package io.lazarus.cli.api;

import java.util.List;

/**
 * {@code GET /deployments/D/resurrection/decisions}: the Health Monitor's view of a deployment and, per instance,
 * whether it would be resurrected and why (docs/internals/healing.md). {@code pausedUntil} is epoch seconds.
 */
public record ResurrectionDecisions(
    String deployment, String state, String summary, boolean resurrectionPaused, Long pausedUntil, List<Instance> instances) {

  public ResurrectionDecisions {
    instances = instances == null ? List.of() : instances;
  }

  /** One instance's decision; {@code rule} names the resurrection config rule that decided, if one did. */
  public record Instance(
      String instance,
      Integer index,
      String az,
      String agentId,
      String cid,
      String lastHeartbeat,
      Long silentSeconds,
      String jobState,
      Boolean resurrectionEnabled,
      String rule,
      String decision,
      String reason,
      Integer attempts,
      String nextAttemptAt) {}
}
