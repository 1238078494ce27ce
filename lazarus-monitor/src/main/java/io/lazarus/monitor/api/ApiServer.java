package io.lazarus.monitor.api;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson3;
import io.lazarus.core.json.Json;
import io.lazarus.monitor.config.HmConfig;
import io.lazarus.monitor.fleet.AgentView;
import io.lazarus.monitor.fleet.Fleet;
import io.lazarus.monitor.fleet.InstanceManager;
import io.lazarus.monitor.metrics.HmMetrics;
import io.lazarus.monitor.plugins.Explainer;
import io.lazarus.monitor.processing.PluginRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HM's local HTTP API (bosh-behaviour.md §2.7, healing.md "HM HTTP API"), plain HTTP on {@code http.address}:
 * health, counts per deployment (503 until the first Director sync), Prometheus metrics, and the decisions of
 * the plugins that explain themselves. Must be closed.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final Duration STALLED = Duration.ofSeconds(180);
  private static final Duration EXPLAIN_TIMEOUT = Duration.ofSeconds(10);

  private final Javalin app;

  public ApiServer(HmConfig.Endpoint endpoint, InstanceManager fleet, HmMetrics metrics, List<PluginRunner> plugins, Supplier<Instant> lastPulse, Clock clock) {
    this.app = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.startup.showOldJavalinVersionWarning = false;
      cfg.concurrency.useVirtualThreads = true;
      cfg.jsonMapper(new JavalinJackson3(Json.mapper(), true));
      cfg.jetty.host = endpoint.address();
      cfg.jetty.port = endpoint.port();
      cfg.routes.get("/healthz", ctx -> healthz(ctx, lastPulse.get(), clock.instant()));
      count(cfg.routes, "/unresponsive_agents", fleet, AgentView::timedOut, false);
      count(cfg.routes, "/total_available_agents", fleet, a -> true, true);
      count(cfg.routes, "/unhealthy_agents", fleet, a -> a.jobState() != null && !"running".equals(a.jobState()), false);
      count(cfg.routes, "/failing_instances", fleet, a -> "failing".equals(a.jobState()), false);
      count(cfg.routes, "/stopped_instances", fleet, a -> "stopped".equals(a.jobState()), false);
      count(cfg.routes, "/unknown_instances", fleet, a -> a.jobState() == null || "unknown".equals(a.jobState()), false);
      cfg.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape(fleet)));
      cfg.routes.get("/decisions", ctx -> decisions(ctx, fleet, plugins));
    });
  }

  private static void healthz(Context ctx, Instant lastPulse, Instant now) {
    long seconds = Duration.between(lastPulse, now).toSeconds();
    ctx.status(seconds > STALLED.toSeconds() ? 500 : 200).contentType("text/plain").result("Last pulse was " + seconds + " seconds ago");
  }

  /** Counts a deployment's agents (not its placeholders) matching {@code which}; {@code unmanaged} adds that key. */
  private static void count(RoutesConfig routes, String path, InstanceManager fleet, Predicate<AgentView> which, boolean unmanaged) {
    routes.get(path, ctx -> {
      if (!fleet.synced()) {
        ctx.status(503).json(Map.of("error", "the first sync with the Director has not finished"));
        return;
      }
      Map<String, Object> counts = new LinkedHashMap<>();
      for (String deployment : fleet.deployments()) {
        counts.put(deployment, fleet.agents(deployment).stream().filter(a -> !a.withoutVm()).filter(which).count());
      }
      if (unmanaged) {
        counts.put("unmanaged", fleet.unmanagedAgents().size());
      }
      ctx.json(counts);
    });
  }

  private static void decisions(Context ctx, Fleet fleet, List<PluginRunner> plugins) throws InterruptedException {
    Optional<String> deployment = Optional.ofNullable(ctx.queryParam("deployment"));
    List<PluginRunner> explainers = plugins.stream().filter(r -> r.plugin() instanceof Explainer).toList();
    if (explainers.isEmpty()) {
      ctx.status(404).json(Map.of("error", "no configured plugin explains its decisions (add the resurrector to hm.yml's plugins)"));
      return;
    }
    if (deployment.isPresent() && !fleet.deployments().contains(deployment.get())) {
      ctx.status(404).json(Map.of("error", "deployment '" + deployment.get() + "' is not known to the health monitor"));
      return;
    }
    List<Map<String, Object>> answers = new ArrayList<>();
    for (PluginRunner runner : explainers) {
      try {
        answers.addAll(runner.ask(() -> ((Explainer) runner.plugin()).decisions(deployment), EXPLAIN_TIMEOUT));
      } catch (ExecutionException | TimeoutException e) {
        LOG.error("plugin {} could not explain its decisions", runner.plugin().name(), e);
        ctx.status(503).json(Map.of("error", "plugin " + runner.plugin().name() + " did not answer: " + e));
        return;
      }
    }
    ctx.json(deployment.isPresent() && answers.size() == 1 ? answers.get(0) : answers);
  }

  public ApiServer start() {
    app.start();
    return this;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
