package io.lazarus.monitor.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An alert as BOSH's Health Monitor serializes it (bosh-behaviour.md §2.6). {@code category}, {@code deployment},
 * {@code job} and {@code instanceId} may be null (agent alerts have no category; director alerts no job);
 * {@code jobsToInstanceIds} is empty except in {@code deployment_health} alerts, where it keeps instance-group order.
 */
public record Alert(
    String id,
    int severity,
    String category,
    String title,
    String summary,
    String source,
    String deployment,
    String job,
    String instanceId,
    Instant createdAt,
    Map<String, List<String>> jobsToInstanceIds) {

  public static final int ALERT = 1;
  public static final int CRITICAL = 2;
  public static final int ERROR = 3;
  public static final int WARNING = 4;

  public static final String VM_HEALTH = "vm_health";
  public static final String DEPLOYMENT_HEALTH = "deployment_health";

  public Alert {
    summary = summary == null ? title : summary;
    jobsToInstanceIds = jobsToInstanceIds == null ? Map.of() : jobsToInstanceIds;
  }

  /** BOSH's name of a severity: 1 alert, 2 critical, 3 error, 4 warning, -1 ignored. */
  public static String severityName(int severity) {
    return switch (severity) {
      case ALERT -> "alert";
      case CRITICAL -> "critical";
      case ERROR -> "error";
      case WARNING -> "warning";
      case -1 -> "ignored";
      default -> "unknown";
    };
  }

  /** The JSON form plugins send on (webhook, event_logger): BOSH's keys, epoch seconds. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kind", "alert");
    json.put("id", id);
    json.put("severity", severity);
    json.put("category", category);
    json.put("title", title);
    json.put("summary", summary);
    json.put("source", source);
    json.put("deployment", deployment);
    json.put("created_at", createdAt.getEpochSecond());
    if (job != null) {
      json.put("job", job);
    }
    if (instanceId != null) {
      json.put("instance_id", instanceId);
    }
    if (!jobsToInstanceIds.isEmpty()) {
      json.put("jobs_to_instance_ids", jobsToInstanceIds);
    }
    return json;
  }

  /** The plain-text form of BOSH's logger plugin: {@code Alert @ <UTC time>, severity N: <summary>}. */
  @Override
  public String toString() {
    return "Alert @ " + createdAt + ", severity " + severity + ": " + summary;
  }
}
