package io.lazarus.monitor.ingest;

import io.lazarus.core.json.Json;
import io.lazarus.monitor.events.Alert;
import io.lazarus.monitor.events.HeartbeatEvent;
import io.lazarus.monitor.fleet.Agent;
import io.lazarus.monitor.fleet.InstanceManager;
import io.lazarus.monitor.metrics.HmMetrics;
import io.lazarus.monitor.processing.EventProcessor;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * BOSH's handling of agent messages (bosh-behaviour.md §2.4, §2.5): a heartbeat refreshes liveness and, when a
 * plugin wants heartbeats, becomes an event whose placement comes from the Director, not from the payload; an
 * alert gets the agent's name as source when it has none; a shutdown forgets the agent. Thread-safe.
 */
public final class AgentMessageHandler implements AgentMessages {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final InstanceManager fleet;
  private final EventProcessor processor;
  private final HmMetrics metrics;
  private final Clock clock;

  public AgentMessageHandler(InstanceManager fleet, EventProcessor processor, HmMetrics metrics, Clock clock) {
    this.fleet = fleet;
    this.processor = processor;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void onHeartbeat(String agentId, JsonNode payload) {
    Agent agent = fleet.agentForMessage(agentId);
    String jobState = payload.isObject() ? text(payload, "job_state") : null;
    Integer processes = payload.isObject() && payload.path("number_of_processes").isIntegralNumber() ? payload.path("number_of_processes").asInt() : null;
    fleet.heartbeat(agent, jobState, processes);
    metrics.heartbeat();
    Agent.Placement p = agent.placement();
    if (!payload.isObject() || !processor.wantsHeartbeats() || p.deployment() == null || p.job() == null || p.instanceId() == null) {
      return;
    }
    Instant timestamp = payload.path("timestamp").isIntegralNumber() ? Instant.ofEpochSecond(payload.path("timestamp").asLong()) : clock.instant();
    Map<String, Object> vitals = payload.path("vitals").isObject() ? Json.mapper().convertValue(payload.path("vitals"), MAP) : Map.of();
    processor.heartbeat(new HeartbeatEvent(UUID.randomUUID().toString(), timestamp, p.deployment(), agentId, p.job(), p.index(), p.instanceId(),
        jobState, vitals, fleet.teams(p.deployment()), processes));
  }

  @Override
  public void onAlert(String agentId, JsonNode payload) {
    if (!payload.isObject()) {
      throw new InvalidAgentMessageException("an alert must be a JSON object");
    }
    String id = text(payload, "id");
    JsonNode severity = payload.path("severity");
    String title = text(payload, "title");
    JsonNode createdAt = payload.path("created_at");
    if (id == null || id.isBlank()) {
      throw new InvalidAgentMessageException("alert: 'id' is missing");
    }
    if (!severity.isIntegralNumber() || severity.asInt() < 0) {
      throw new InvalidAgentMessageException("alert " + id + ": 'severity' must be a non-negative integer");
    }
    if (title == null || title.isBlank()) {
      throw new InvalidAgentMessageException("alert " + id + ": 'title' is missing");
    }
    if (!createdAt.isIntegralNumber()) {
      throw new InvalidAgentMessageException("alert " + id + ": 'created_at' must be epoch seconds");
    }
    Agent agent = fleet.agentForMessage(agentId);
    Agent.Placement p = agent.placement();
    String source = text(payload, "source");
    processor.emit(new Alert(id, severity.asInt(), text(payload, "category"), title, text(payload, "summary"), source == null ? agent.name() : source,
        p.deployment(), p.job(), p.instanceId(), Instant.ofEpochSecond(createdAt.asLong()), null));
  }

  @Override
  public void onShutdown(String agentId) {
    fleet.remove(agentId);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNull() || value.isMissingNode() ? null : value.asString();
  }
}
