package io.lazarus.monitor.fleet;

import java.time.Instant;

/**
 * A snapshot of one watched instance and its agent. {@code agentId} is null for an instance that expects a VM but
 * has none (BOSH's {@code agent_with_no_vm} placeholder, which counts in meltdown totals). {@code lastHeartbeat} is
 * null until the first heartbeat since the HM started. {@code silentSince} is when the current silence began for
 * judging purposes: the last heartbeat, or the start of the warm-up (HM start, agent discovery, or the Director
 * coming back) if that is later. {@code timedOut} means silent for more than agent_timeout; {@code warmingUp}
 * means no heartbeat yet and agent_timeout not yet over since the warm-up began.
 */
public record AgentView(
    String agentId,
    String deployment,
    String job,
    Integer index,
    String instanceId,
    String cid,
    String az,
    Instant lastHeartbeat,
    Instant silentSince,
    String jobState,
    boolean timedOut,
    boolean warmingUp,
    boolean ignored,
    String instanceState,
    String diskCid) {

  /** BOSH's source/name of an agent: {@code <deployment>: <job>(<instance id>) [id=<agent>, index=<i>, cid=<cid>]}. */
  public String name() {
    return deployment + ": " + job + "(" + instanceId + ") [id=" + (agentId == null ? "" : agentId) + ", index="
        + (index == null ? "" : index) + ", cid=" + (cid == null ? "" : cid) + "]";
  }

  /** True for the placeholder of an instance that expects a VM but has none. */
  public boolean withoutVm() {
    return agentId == null;
  }
}
