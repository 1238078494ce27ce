package io.lazarus.monitor.resurrector;

import io.lazarus.monitor.fleet.AgentView;
import io.lazarus.monitor.fleet.Fleet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An in-memory fleet the test edits directly. */
final class FakeFleet implements Fleet {
  final List<AgentView> agents = new ArrayList<>();
  final Set<String> locked = new HashSet<>();

  static AgentView healthy(String deployment, String job, String id, String az, Instant lastHeartbeat) {
    return new AgentView("agent-" + id, deployment, job, 0, id, "cid-" + id, az, lastHeartbeat, lastHeartbeat, "running", false, false, false, "started", null);
  }

  static AgentView silent(String deployment, String job, String id, String az, Instant since) {
    return new AgentView("agent-" + id, deployment, job, 0, id, "cid-" + id, az, since, since, "running", true, false, false, "started", null);
  }

  FakeFleet add(AgentView agent) {
    agents.add(agent);
    return this;
  }

  /** Replaces the instance's view, as the HM core would after a heartbeat or a timeout. */
  void update(AgentView agent) {
    agents.replaceAll(a -> a.instanceId().equals(agent.instanceId()) ? agent : a);
  }

  @Override
  public boolean synced() {
    return true;
  }

  @Override
  public List<String> deployments() {
    return agents.stream().map(AgentView::deployment).distinct().toList();
  }

  @Override
  public boolean locked(String deployment) {
    return locked.contains(deployment);
  }

  @Override
  public List<AgentView> agents(String deployment) {
    return agents.stream().filter(a -> a.deployment().equals(deployment)).toList();
  }

  @Override
  public List<AgentView> all() {
    return List.copyOf(agents);
  }

  @Override
  public Optional<AgentView> instance(String deployment, String instanceId) {
    return agents.stream().filter(a -> a.deployment().equals(deployment) && a.instanceId().equals(instanceId)).findFirst();
  }
}
