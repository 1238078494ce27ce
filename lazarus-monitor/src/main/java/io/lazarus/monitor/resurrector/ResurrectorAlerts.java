package io.lazarus.monitor.resurrector;

import io.lazarus.monitor.events.Alert;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The alerts the Resurrector raises: BOSH's source, the deployment, created now, no category, a fresh id. */
final class ResurrectorAlerts {
  static final String SOURCE = "HM plugin resurrector";

  private ResurrectorAlerts() {}

  static Alert alert(int severity, String title, String summary, String deployment, Instant now) {
    return new Alert(UUID.randomUUID().toString(), severity, null, title, summary, SOURCE, deployment, null, null, now, Map.of());
  }

  /** {@code j1/i1, j1/i2, j2/i3}, in map order, as BOSH lists instances. */
  static String instances(Map<String, List<String>> jobsToInstanceIds) {
    return jobsToInstanceIds.entrySet().stream()
        .flatMap(entry -> entry.getValue().stream().map(id -> entry.getKey() + "/" + id))
        .collect(Collectors.joining(", "));
  }
}
