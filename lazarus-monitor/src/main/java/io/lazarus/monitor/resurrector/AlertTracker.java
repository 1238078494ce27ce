package io.lazarus.monitor.resurrector;

import io.lazarus.monitor.events.Alert;
import io.lazarus.monitor.fleet.AgentView;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * BOSH's alert tracker (§3.3), immutable: recording returns a new tracker, so a snapshot can be read from another
 * thread. Only critical (severity 2) alerts are recorded, the latest time overwriting the earlier one; entries are
 * never deleted, they age out of the window.
 */
public final class AlertTracker {
  public static final AlertTracker EMPTY = new AlertTracker(Map.of());

  private final Map<JobInstanceKey, Instant> unhealthy;

  private AlertTracker(Map<JobInstanceKey, Instant> unhealthy) {
    this.unhealthy = unhealthy;
  }

  public AlertTracker record(JobInstanceKey key, Alert alert) {
    return recordAll(List.of(key), alert);
  }

  /** Records every instance of a {@code deployment_health} alert's {@code jobs_to_instance_ids}. */
  public AlertTracker recordInstancesOf(Alert alert) {
    List<JobInstanceKey> keys =
        alert.jobsToInstanceIds().entrySet().stream()
            .flatMap(entry -> entry.getValue().stream().map(id -> new JobInstanceKey(alert.deployment(), entry.getKey(), id)))
            .toList();
    return recordAll(keys, alert);
  }

  private AlertTracker recordAll(List<JobInstanceKey> keys, Alert alert) {
    if (alert.severity() != Alert.CRITICAL || keys.isEmpty()) {
      return this;
    }
    Map<JobInstanceKey, Instant> copy = new HashMap<>(unhealthy);
    keys.forEach(key -> copy.put(key, alert.createdAt()));
    return new AlertTracker(Map.copyOf(copy));
  }

  public Optional<Instant> lastAlert(JobInstanceKey key) {
    return Optional.ofNullable(unhealthy.get(key));
  }

  /** Whether the instance had a critical alert in the window ending now; the edge is inclusive, on whole seconds. */
  public boolean unhealthy(AgentView agent, Instant now, MeltdownThresholds thresholds) {
    Instant at = unhealthy.get(new JobInstanceKey(agent.deployment(), agent.job(), agent.instanceId()));
    return at != null && at.getEpochSecond() >= now.minus(thresholds.timeThreshold()).getEpochSecond();
  }

  /** BOSH's {@code state_for}: the math over the deployment's current agents and placeholders. */
  public DeploymentState stateFor(String deployment, Collection<AgentView> agents, Instant now, MeltdownThresholds thresholds) {
    return stateOf("deployment: '" + deployment + "'", agents, now, thresholds);
  }

  /** The same math over any set of agents, {@code scope} naming it in the summary. */
  public DeploymentState stateOf(String scope, Collection<AgentView> agents, Instant now, MeltdownThresholds thresholds) {
    return stateOf(scope, agents, now, thresholds, agent -> false);
  }

  /**
   * The same math, counting also the agents {@code suspect} names as unhealthy once at least one agent of the set had
   * a critical alert (Lazarus: see DecisionMaker); without any, the state stays BOSH's "normal".
   */
  public DeploymentState stateOf(String scope, Collection<AgentView> agents, Instant now, MeltdownThresholds thresholds, Predicate<AgentView> suspect) {
    boolean alerted = agents.stream().anyMatch(agent -> unhealthy(agent, now, thresholds));
    int count = alerted ? (int) agents.stream().filter(agent -> unhealthy(agent, now, thresholds) || suspect.test(agent)).count() : 0;
    return DeploymentState.of(scope, count, agents.size(), thresholds);
  }
}
