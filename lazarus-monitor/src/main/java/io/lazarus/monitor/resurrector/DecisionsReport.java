package io.lazarus.monitor.resurrector;

import io.lazarus.monitor.director.DirectorApi.ResurrectionSwitch;
import io.lazarus.monitor.fleet.AgentView;
import io.lazarus.monitor.fleet.Fleet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON of {@code GET /decisions} (docs/internals/healing.md): one object per deployment, one entry per instance. */
final class DecisionsReport {
  private final DecisionMaker judge;
  private final ResurrectorState state;
  private final Fleet fleet;
  private final Instant now;

  DecisionsReport(DecisionMaker judge, ResurrectorState state, Fleet fleet, Instant now) {
    this.judge = judge;
    this.state = state;
    this.fleet = fleet;
    this.now = now;
  }

  /** Every deployment, or only {@code deployment} (none when the Health Monitor does not know it). */
  List<Map<String, Object>> deployments(Optional<String> deployment) {
    List<String> names = deployment.map(d -> fleet.deployments().contains(d) ? List.of(d) : List.<String>of()).orElseGet(fleet::deployments);
    return names.stream().map(this::deployment).toList();
  }

  private Map<String, Object> deployment(String name) {
    DeploymentState deploymentState = judge.deploymentState(name);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("deployment", name);
    json.put("state", deploymentState.state().jsonName());
    json.put("summary", deploymentState.summary());
    json.put("resurrection_paused", state.paused(now));
    json.put("paused_until", state.resurrection().flatMap(ResurrectionSwitch::pausedUntil).map(Instant::toString).orElse(null));
    List<Map<String, Object>> instances = new ArrayList<>();
    fleet.agents(name).forEach(agent -> instances.add(instance(agent)));
    json.put("instances", instances);
    return json;
  }

  private Map<String, Object> instance(AgentView agent) {
    RuleVerdict verdict = state.rules().enabled(agent.deployment(), agent.job());
    InstanceDecision decision = judge.decide(agent);
    InstanceHistory history = state.history(new JobInstanceKey(agent.deployment(), agent.job(), agent.instanceId()));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("instance", agent.job() + "/" + agent.instanceId());
    json.put("index", agent.index());
    json.put("az", agent.az());
    json.put("agent_id", agent.agentId());
    json.put("cid", agent.cid());
    json.put("last_heartbeat", agent.lastHeartbeat() == null ? null : agent.lastHeartbeat().toString());
    json.put("silent_seconds", judge.silentSeconds(agent));
    json.put("job_state", agent.jobState());
    json.put("resurrection_enabled", verdict.enabled());
    json.put("rule", verdict.decidedBy().map(ResurrectionRule::describe).orElse(null));
    json.put("decision", decision.decision().jsonName());
    json.put("reason", decision.reason());
    json.put("attempts", history.attempts());
    json.put("next_attempt_at", history.nextAttemptAt() == null ? null : history.nextAttemptAt().toString());
    return json;
  }
}
