package io.lazarus.monitor.analysis;

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
import java.util.PriorityQueue;

/**
 * Flags silent managed agents as their deadline passes, instead of BOSH's sweep every 60 s. Each agent has one
 * entry in a queue ordered by the instant it is next due; heartbeats do not touch the queue (they only push the
 * real deadline later), so an entry that comes up early is put back at the agent's current deadline. When an agent
 * of a deployment is due, the deployment is analysed as BOSH's sweep would: one vm_health alert per timed-out
 * agent and one aggregated deployment_health alert, repeated every {@code realert} while they stay silent.
 * Locked deployments are skipped and looked at again after {@code realert}. {@link #check} is called from one
 * thread (the HM's ticker); {@link #watch} from any.
 */
public final class DeadlineAnalyzer {
  private final InstanceManager fleet;
  private final AlertSink alerts;
  private final Clock clock;
  private final Duration realert;
  private final PriorityQueue<Due> queue = new PriorityQueue<>();

  private record Due(Instant at, Agent agent) implements Comparable<Due> {
    @Override
    public int compareTo(Due other) {
      return at.compareTo(other.at);
    }
  }

  public DeadlineAnalyzer(InstanceManager fleet, AlertSink alerts, Clock clock, Duration realert) {
    this.fleet = fleet;
    this.alerts = alerts;
    this.clock = clock;
    this.realert = realert;
  }

  /** Starts watching newly managed agents. */
  public void watch(List<Agent> agents) {
    Liveness liveness = fleet.liveness();
    synchronized (queue) {
      agents.forEach(a -> queue.add(new Due(liveness.timeoutAt(a), a)));
    }
  }

  /** Raises the alerts that are due; returns the number of timed-out agents alerted. */
  public int check() {
    Instant now = clock.instant();
    Liveness liveness = fleet.liveness();
    Map<String, List<Agent>> due = new LinkedHashMap<>();
    synchronized (queue) {
      while (!queue.isEmpty() && !queue.peek().at().isAfter(now)) {
        Agent agent = queue.poll().agent();
        if (agent.removed()) {
          continue;
        }
        Instant next = nextDue(agent, liveness);
        if (next.isAfter(now)) {
          queue.add(new Due(next, agent));
        } else {
          due.computeIfAbsent(agent.placement().deployment(), d -> new ArrayList<>()).add(agent);
        }
      }
    }
    int alerted = 0;
    for (Map.Entry<String, List<Agent>> entry : due.entrySet()) {
      if (!fleet.locked(entry.getKey())) {
        alerted += alertDeployment(entry.getKey(), liveness, now);
      }
      synchronized (queue) {
        // alerted agents come back when their re-alert is due; a locked deployment is looked at again then too
        entry.getValue().forEach(a -> queue.add(new Due(now.plus(realert), a)));
      }
    }
    return alerted;
  }

  private static Instant nextDue(Agent agent, Liveness liveness) {
    Instant timeoutAt = liveness.timeoutAt(agent);
    Instant realertAt = agent.nextAlertAt();
    return realertAt != null && realertAt.isAfter(timeoutAt) ? realertAt : timeoutAt;
  }

  private int alertDeployment(String deployment, Liveness liveness, Instant now) {
    Map<String, List<String>> jobsToInstanceIds = new LinkedHashMap<>();
    int count = 0;
    for (Agent agent : fleet.managedAgents(deployment)) {
      if (!liveness.timedOut(agent, now)) {
        continue;
      }
      alerts.emit(HealthAlerts.timedOut(agent, now));
      agent.nextAlertAt(now.plus(realert));
      Agent.Placement p = agent.placement();
      jobsToInstanceIds.computeIfAbsent(p.job(), j -> new ArrayList<>()).add(p.instanceId());
      count++;
    }
    if (count > 0) {
      alerts.emit(HealthAlerts.deploymentTimedOut(deployment, jobsToInstanceIds, now));
    }
    return count;
  }
}
