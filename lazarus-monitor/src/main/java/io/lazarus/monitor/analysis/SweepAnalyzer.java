package io.lazarus.monitor.analysis;

import io.lazarus.monitor.director.DirectorApi.InstanceSummary;
import io.lazarus.monitor.fleet.Agent;
import io.lazarus.monitor.fleet.InstanceManager;
import io.lazarus.monitor.fleet.Liveness;
import io.lazarus.monitor.plugins.AlertSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What BOSH still finds by sweeping, every {@code analyze_agents}: instances that expect a VM but have none
 * (analyze_instances), and agents that belong to no deployment (timed out and rogue: forgotten silently; timed
 * out: vm_health; rogue: "is not a part of any deployment"). Both sets are small, unlike the managed agents the
 * {@link DeadlineAnalyzer} watches. Called from one thread.
 */
public final class SweepAnalyzer {
  private final InstanceManager fleet;
  private final AlertSink alerts;
  private final Clock clock;
  private final Duration rogueAfter;

  public SweepAnalyzer(InstanceManager fleet, AlertSink alerts, Clock clock, Duration rogueAfter) {
    this.fleet = fleet;
    this.alerts = alerts;
    this.clock = clock;
    this.rogueAfter = rogueAfter;
  }

  /** Returns the number of alerts raised. */
  public int sweep() {
    return analyzeInstances() + analyzeUnmanagedAgents();
  }

  int analyzeInstances() {
    Instant now = clock.instant();
    int count = 0;
    for (Map.Entry<String, List<InstanceSummary>> entry : fleet.instancesWithoutVm().entrySet()) {
      String deployment = entry.getKey();
      if (fleet.locked(deployment)) {
        continue;
      }
      Map<String, List<String>> jobsToInstanceIds = new LinkedHashMap<>();
      for (InstanceSummary instance : entry.getValue()) {
        alerts.emit(HealthAlerts.withoutVm(deployment, instance, now));
        jobsToInstanceIds.computeIfAbsent(instance.job(), j -> new ArrayList<>()).add(instance.id());
        count++;
      }
      alerts.emit(HealthAlerts.deploymentWithoutVms(deployment, jobsToInstanceIds, now));
      count++;
    }
    return count;
  }

  int analyzeUnmanagedAgents() {
    Instant now = clock.instant();
    Liveness liveness = fleet.liveness();
    int count = 0;
    for (Agent agent : fleet.unmanagedAgents()) {
      boolean timedOut = liveness.timedOut(agent, now);
      boolean rogue = now.isAfter(agent.discoveredAt().plus(rogueAfter));
      if (timedOut && rogue) {
        fleet.remove(agent.id());
      } else if (timedOut) {
        alerts.emit(HealthAlerts.timedOut(agent, now));
        count++;
      } else if (rogue) {
        alerts.emit(HealthAlerts.rogue(agent, now));
        count++;
      }
    }
    return count;
  }
}
