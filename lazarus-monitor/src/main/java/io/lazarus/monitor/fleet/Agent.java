package io.lazarus.monitor.fleet;

import java.time.Instant;

/**
 * One agent the HM watches: what the last Director sync said about its instance (null for an unmanaged agent)
 * and what its heartbeats said. Director fields change only under {@link InstanceManager}'s lock; liveness
 * fields are volatile so heartbeats update them without it.
 */
public final class Agent {
  private final String id;
  private final Instant discoveredAt;
  private volatile Placement placement;
  private volatile Instant lastHeartbeat;
  private volatile String jobState;
  private volatile Integer numberOfProcesses;
  private volatile Instant nextAlertAt;
  private volatile boolean removed;

  /** Where the Director places the agent; null fields are unknown. */
  public record Placement(String deployment, String job, Integer index, String instanceId, String cid, String az, boolean ignore, String state, String diskCid) {
    static final Placement UNMANAGED = new Placement(null, null, null, null, null, null, false, null, null);
  }

  Agent(String id, Instant discoveredAt, Placement placement) {
    this.id = id;
    this.discoveredAt = discoveredAt;
    this.placement = placement;
  }

  public String id() {
    return id;
  }

  public Instant discoveredAt() {
    return discoveredAt;
  }

  public Placement placement() {
    return placement;
  }

  public Instant lastHeartbeat() {
    return lastHeartbeat;
  }

  public String jobState() {
    return jobState;
  }

  public Integer numberOfProcesses() {
    return numberOfProcesses;
  }

  /** When a still-silent agent is alerted again; null until its first alert. */
  public Instant nextAlertAt() {
    return nextAlertAt;
  }

  public void nextAlertAt(Instant at) {
    nextAlertAt = at;
  }

  /** True once the agent left the HM's picture (deployment gone, shutdown, rogue): deadlines for it are dropped. */
  public boolean removed() {
    return removed;
  }

  /** BOSH's name: {@code <d>: <job>(<instance>) [id=.., index=.., cid=..]}, or {@code agent <id> [..]} if unmanaged. */
  public String name() {
    Placement p = placement;
    if (p.deployment() != null && p.job() != null && p.instanceId() != null) {
      return p.deployment() + ": " + p.job() + "(" + p.instanceId() + ") [id=" + id + ", " + (p.index() == null ? "" : "index=" + p.index() + ", ") + "cid=" + (p.cid() == null ? "" : p.cid()) + "]";
    }
    return "agent " + id + " []";
  }

  void placement(Placement placement) {
    this.placement = placement;
  }

  void heartbeat(Instant at, String jobState, Integer numberOfProcesses) {
    this.lastHeartbeat = at;
    this.jobState = jobState;
    this.numberOfProcesses = numberOfProcesses;
  }

  void markRemoved() {
    removed = true;
  }
}
