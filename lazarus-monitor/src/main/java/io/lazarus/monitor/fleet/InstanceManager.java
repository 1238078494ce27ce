package io.lazarus.monitor.fleet;

import io.lazarus.monitor.director.DirectorApi.DeploymentSummary;
import io.lazarus.monitor.director.DirectorApi.InstanceSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HM's picture of deployments, instances and agents (BOSH's instance manager, bosh-behaviour.md §2.2): rebuilt
 * from every Director sync, kept alive by heartbeats. Thread-safe: syncs and removals take this object's lock;
 * heartbeats find their agent in a concurrent map and touch only its volatile fields.
 */
public final class InstanceManager implements Fleet {
  private final Clock clock;
  private final Map<String, Deployment> deployments = new LinkedHashMap<>();
  private final Map<String, Agent> managed = new ConcurrentHashMap<>();
  private final Map<String, Agent> unmanaged = new ConcurrentHashMap<>();
  private volatile Liveness liveness;
  private volatile boolean synced;

  /** A deployment as of the last sync: its agents by id and its instances that expect a VM but have none. */
  private record Deployment(String name, List<String> teams, boolean locked, Map<String, Agent> agents, Map<String, InstanceSummary> withoutVm) {}

  public InstanceManager(Clock clock, Liveness liveness) {
    this.clock = clock;
    this.liveness = liveness;
  }

  public Liveness liveness() {
    return liveness;
  }

  /** The Director answered again after failing: every agent gets a fresh full timeout (Lazarus warm-up). */
  public void directorBack(Instant at) {
    liveness = liveness.directorBackAt(at);
  }

  /**
   * Applies one full poll of the Director (§2.2 sync rules) and returns the agents it newly manages, whose
   * deadlines the caller starts to watch.
   */
  public synchronized List<Agent> sync(List<DeploymentSummary> summaries, Map<String, List<InstanceSummary>> instances) {
    Instant now = clock.instant();
    Set<String> names = new HashSet<>();
    List<Agent> added = new ArrayList<>();
    Map<String, Deployment> next = new LinkedHashMap<>();
    for (DeploymentSummary summary : summaries) {
      names.add(summary.name());
      Deployment old = deployments.get(summary.name());
      Deployment fresh = new Deployment(summary.name(), summary.teams(), summary.locked(), new LinkedHashMap<>(), new LinkedHashMap<>());
      for (InstanceSummary instance : instances.getOrDefault(summary.name(), List.of())) {
        if (instance.id() == null) {
          continue;
        }
        if (instance.agentId() == null) {
          if (instance.expectsVm() && instance.cid() == null) {
            fresh.withoutVm().put(instance.id(), instance);
          }
          continue;
        }
        Agent.Placement placement = new Agent.Placement(summary.name(), instance.job(), instance.index(), instance.id(), instance.cid(), instance.az(), instance.ignore(), instance.state(), instance.diskCid());
        Agent agent = old == null ? null : old.agents().get(instance.agentId());
        if (agent == null) {
          agent = new Agent(instance.agentId(), now, placement);
          added.add(agent);
        } else {
          agent.placement(placement);
        }
        fresh.agents().put(agent.id(), agent);
        unmanaged.remove(agent.id());
      }
      next.put(summary.name(), fresh);
    }
    for (Deployment old : deployments.values()) {
      for (Agent agent : old.agents().values()) {
        Deployment current = next.get(old.name());
        if (current == null || current.agents().get(agent.id()) != agent) {
          agent.markRemoved();
          managed.remove(agent.id(), agent);
        }
      }
    }
    deployments.clear();
    deployments.putAll(next);
    next.values().forEach(d -> d.agents().values().forEach(a -> managed.put(a.id(), a)));
    synced = true;
    return added;
  }

  /** The agent a message from {@code agentId} is about; an unknown one becomes unmanaged (§2.4). */
  public Agent agentForMessage(String agentId) {
    Agent agent = managed.get(agentId);
    return agent != null ? agent : unmanaged.computeIfAbsent(agentId, id -> new Agent(id, clock.instant(), Agent.Placement.UNMANAGED));
  }

  /** Records a well-formed heartbeat: the only liveness signal. */
  public void heartbeat(Agent agent, String jobState, Integer numberOfProcesses) {
    agent.heartbeat(clock.instant(), jobState, numberOfProcesses);
  }

  /** Forgets an agent entirely (shutdown, rogue and timed out); unknown ids are ignored. */
  public synchronized void remove(String agentId) {
    Agent agent = managed.remove(agentId);
    if (agent != null) {
      Deployment deployment = deployments.get(agent.placement().deployment());
      if (deployment != null) {
        deployment.agents().remove(agentId);
      }
      agent.markRemoved();
    }
    Agent stray = unmanaged.remove(agentId);
    if (stray != null) {
      stray.markRemoved();
    }
  }

  public List<String> teams(String deployment) {
    Deployment d = deployment(deployment);
    return d == null ? List.of() : d.teams();
  }

  /** The deployment's managed agents (live objects, for the analyzers). */
  public synchronized List<Agent> managedAgents(String deployment) {
    Deployment d = deployments.get(deployment);
    return d == null ? List.of() : List.copyOf(d.agents().values());
  }

  /** Instances that expect a VM but have none, by deployment. */
  public synchronized Map<String, List<InstanceSummary>> instancesWithoutVm() {
    Map<String, List<InstanceSummary>> result = new LinkedHashMap<>();
    deployments.values().forEach(d -> {
      if (!d.withoutVm().isEmpty()) {
        result.put(d.name(), List.copyOf(d.withoutVm().values()));
      }
    });
    return result;
  }

  public Collection<Agent> unmanagedAgents() {
    return List.copyOf(unmanaged.values());
  }

  public int managedCount() {
    return managed.size();
  }

  @Override
  public boolean synced() {
    return synced;
  }

  @Override
  public synchronized List<String> deployments() {
    return List.copyOf(deployments.keySet());
  }

  @Override
  public boolean locked(String deployment) {
    Deployment d = deployment(deployment);
    return d != null && d.locked();
  }

  @Override
  public synchronized List<AgentView> agents(String deployment) {
    Deployment d = deployments.get(deployment);
    if (d == null) {
      return List.of();
    }
    Instant now = clock.instant();
    List<AgentView> views = new ArrayList<>();
    d.agents().values().forEach(a -> views.add(view(a, now)));
    d.withoutVm().values().forEach(i -> views.add(placeholder(d.name(), i)));
    return views;
  }

  @Override
  public synchronized List<AgentView> all() {
    List<AgentView> views = new ArrayList<>();
    deployments.keySet().forEach(d -> views.addAll(agents(d)));
    return views;
  }

  @Override
  public Optional<AgentView> instance(String deployment, String instanceId) {
    return agents(deployment).stream().filter(a -> instanceId.equals(a.instanceId())).findFirst();
  }

  private synchronized Deployment deployment(String name) {
    return deployments.get(name);
  }

  private AgentView view(Agent agent, Instant now) {
    Agent.Placement p = agent.placement();
    Liveness judge = liveness;
    return new AgentView(agent.id(), p.deployment(), p.job(), p.index(), p.instanceId(), p.cid(), p.az(), agent.lastHeartbeat(),
        judge.silentSince(agent), agent.jobState(), judge.timedOut(agent, now), judge.warmingUp(agent, now), p.ignore(), p.state(), p.diskCid());
  }

  private static AgentView placeholder(String deployment, InstanceSummary i) {
    return new AgentView(null, deployment, i.job(), i.index(), i.id(), null, i.az(), null, null, null, false, false, i.ignore(), i.state(), i.diskCid());
  }
}
