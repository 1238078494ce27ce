package io.lazarus.agent.transport;

import io.lazarus.agent.json.JsonTrees;
import io.lazarus.agent.json.JsonCodec;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes heartbeats and alerts as JSON trees, field by field, in BOSH's names. Building the tree directly keeps
 * Jackson's bean introspection (a few hundred classes) out of an agent that must stay small.
 */
public final class HeartbeatJson {
  private HeartbeatJson() {}

  public static String write(Heartbeat heartbeat) {
    ObjectNode json = JsonCodec.object();
    json.put("deployment", heartbeat.deployment());
    json.put("job", heartbeat.job());
    json.put("index", heartbeat.index());
    json.put("job_state", heartbeat.jobState());
    json.set("vitals", JsonTrees.of(heartbeat.vitals()));
    json.put("node_id", heartbeat.nodeId());
    json.put("number_of_processes", heartbeat.numberOfProcesses());
    return JsonCodec.write(json);
  }

  public static String write(Alert alert) {
    ObjectNode json = JsonCodec.object();
    json.put("id", alert.id());
    json.put("severity", alert.severity());
    json.put("title", alert.title());
    json.put("summary", alert.summary());
    json.put("created_at", alert.createdAt());
    return JsonCodec.write(json);
  }
}
