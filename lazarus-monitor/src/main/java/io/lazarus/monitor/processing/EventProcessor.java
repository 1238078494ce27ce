package io.lazarus.monitor.processing;

import io.lazarus.monitor.config.PluginSpec.Kind;
import io.lazarus.monitor.events.Alert;
import io.lazarus.monitor.events.HeartbeatEvent;
import io.lazarus.monitor.metrics.HmMetrics;
import io.lazarus.monitor.plugins.AlertSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BOSH's event processor (bosh-behaviour.md §2.8): checks each alert, drops one whose id was already seen, and hands
 * it asynchronously to every plugin subscribed to alerts; heartbeats go to the plugins subscribed to heartbeats.
 * The dedupe memory forgets ids older than {@code pruneAfter} on {@link #prune}. Alerts plugins raise come back
 * here too ({@link AlertSink}). Heartbeats carry ids the HM made up, so they are not deduped. Thread-safe.
 */
public final class EventProcessor implements AlertSink {
  private static final Logger LOG = LoggerFactory.getLogger(EventProcessor.class);

  private final Clock clock;
  private final Duration pruneAfter;
  private final HmMetrics metrics;
  private final List<PluginRunner> runners = new CopyOnWriteArrayList<>();
  private final Map<String, Instant> seen = new ConcurrentHashMap<>();
  private volatile boolean heartbeatSubscribers;

  public EventProcessor(Clock clock, Duration pruneAfter, HmMetrics metrics) {
    this.clock = clock;
    this.pruneAfter = pruneAfter;
    this.metrics = metrics;
  }

  public void add(PluginRunner runner) {
    runners.add(runner);
    heartbeatSubscribers |= runner.wants(Kind.HEARTBEAT);
  }

  public List<PluginRunner> runners() {
    return List.copyOf(runners);
  }

  @Override
  public void emit(Alert alert) {
    String problem = problem(alert);
    if (problem != null) {
      LOG.error("invalid alert dropped ({}): {}", problem, alert.toJson());
      return;
    }
    if (seen.putIfAbsent("alert:" + alert.id(), clock.instant()) != null) {
      return;
    }
    metrics.alert(alert.severity());
    for (PluginRunner runner : runners) {
      if (runner.wants(Kind.ALERT)) {
        runner.submit("alert " + alert.id(), plugin -> plugin.onAlert(alert));
      }
    }
  }

  /** True when some plugin wants heartbeats: otherwise the ingest need not build the events. */
  public boolean wantsHeartbeats() {
    return heartbeatSubscribers;
  }

  public void heartbeat(HeartbeatEvent heartbeat) {
    for (PluginRunner runner : runners) {
      if (runner.wants(Kind.HEARTBEAT)) {
        runner.submit("heartbeat of " + heartbeat.agentId(), plugin -> plugin.onHeartbeat(heartbeat));
      }
    }
  }

  /** Calls every plugin's {@code tick}, each on its own thread. */
  public void tick(Instant now) {
    runners.forEach(r -> r.submit("tick", plugin -> plugin.tick(now)));
  }

  /** Forgets the ids seen longer than {@code pruneAfter} ago. */
  public void prune() {
    Instant cutoff = clock.instant().minus(pruneAfter);
    seen.values().removeIf(at -> at.isBefore(cutoff));
  }

  int remembered() {
    return seen.size();
  }

  private static String problem(Alert alert) {
    if (alert.id() == null || alert.id().isBlank()) {
      return "no id";
    }
    if (alert.severity() < 0) {
      return "severity must be a non-negative integer";
    }
    if (alert.title() == null || alert.title().isBlank()) {
      return "no title";
    }
    return alert.createdAt() == null ? "no created_at" : null;
  }
}
