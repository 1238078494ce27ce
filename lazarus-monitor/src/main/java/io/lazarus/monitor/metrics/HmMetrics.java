package io.lazarus.monitor.metrics;

import io.lazarus.monitor.events.Alert;
import io.lazarus.monitor.fleet.AgentView;
import io.lazarus.monitor.fleet.Fleet;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HM's Prometheus metrics: agents per deployment and timed-out agents (read from the fleet at each scrape),
 * heartbeats received, alerts by severity, failed Director syncs. Thread-safe.
 */
public final class HmMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter heartbeats = Counter.builder("lazarus_hm_heartbeats_received").description("heartbeats accepted from agents").register(registry);
  private final Counter syncFailures = Counter.builder("lazarus_hm_director_sync_failures").description("Director polls that failed").register(registry);
  private final Map<Integer, Counter> alerts = new ConcurrentHashMap<>();
  private final AtomicLong timedOut = new AtomicLong();
  private final MultiGauge agents = MultiGauge.builder("lazarus_hm_agents").description("agents and instances without VM, per deployment").register(registry);

  public HmMetrics() {
    Gauge.builder("lazarus_hm_timed_out_agents", timedOut, AtomicLong::get).description("agents silent longer than agent_timeout").register(registry);
  }

  public void heartbeat() {
    heartbeats.increment();
  }

  public void syncFailure() {
    syncFailures.increment();
  }

  public void alert(int severity) {
    alerts.computeIfAbsent(severity, s -> Counter.builder("lazarus_hm_alerts").description("alerts processed, by severity")
        .tag("severity", Alert.severityName(s)).register(registry)).increment();
  }

  /** The Prometheus text exposition, with the fleet gauges refreshed first. */
  public String scrape(Fleet fleet) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    long silent = 0;
    for (String deployment : fleet.deployments()) {
      List<AgentView> views = fleet.agents(deployment);
      rows.add(MultiGauge.Row.of(Tags.of("deployment", deployment), views.size()));
      silent += views.stream().filter(AgentView::timedOut).count();
    }
    agents.register(rows, true);
    timedOut.set(silent);
    return registry.scrape();
  }
}
