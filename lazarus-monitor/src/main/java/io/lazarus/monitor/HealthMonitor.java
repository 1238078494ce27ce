package io.lazarus.monitor;

import io.lazarus.core.heartbeat.HeartbeatCredentials;
import io.lazarus.monitor.analysis.DeadlineAnalyzer;
import io.lazarus.monitor.analysis.SweepAnalyzer;
import io.lazarus.monitor.api.ApiServer;
import io.lazarus.monitor.config.HmConfig;
import io.lazarus.monitor.config.Intervals;
import io.lazarus.monitor.config.PluginSpec;
import io.lazarus.monitor.director.DirectorApi;
import io.lazarus.monitor.director.HttpDirectorApi;
import io.lazarus.monitor.fleet.Fleet;
import io.lazarus.monitor.fleet.InstanceManager;
import io.lazarus.monitor.fleet.Liveness;
import io.lazarus.monitor.ingest.AgentMessageHandler;
import io.lazarus.monitor.ingest.IngestServer;
import io.lazarus.monitor.metrics.HmMetrics;
import io.lazarus.monitor.plugins.PluginContext;
import io.lazarus.monitor.processing.EventProcessor;
import io.lazarus.monitor.processing.PluginRunner;
import io.lazarus.monitor.sync.DirectorPoller;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Health Monitor process: started in BOSH's order (plugins, ingest listener, HTTP API, timers with a first
 * Director sync at once). A 1 s ticker flags agents whose deadline passed and ticks the plugins; a thread of its
 * own polls the Director, so a slow Director never delays detection. IMPORTANT: must be closed; {@link #close()}
 * is idempotent and stops every thread it started.
 */
public final class HealthMonitor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);
  private static final Duration TICK = Duration.ofSeconds(1);
  private static final Duration DEADLINE_CHECK = Duration.ofMillis(250);

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch terminated = new CountDownLatch(1);
  private volatile Instant lastPulse;
  private final HmConfig config;
  private URI ingestUrl;
  private URI apiUrl;
  private Fleet fleet;

  private HealthMonitor(HmConfig config, Instant started) {
    this.config = config;
    this.lastPulse = started;
  }

  /** Starts a Health Monitor; on failure, whatever had started is stopped again before the exception leaves. */
  public static HealthMonitor start(HmConfig config, Clock clock) {
    HealthMonitor hm = new HealthMonitor(config, clock.instant());
    try {
      hm.run(clock);
      return hm;
    } catch (RuntimeException e) {
      hm.close();
      throw e;
    }
  }

  private void run(Clock clock) {
    Intervals intervals = config.intervals();
    HmMetrics metrics = new HmMetrics();
    InstanceManager fleet = new InstanceManager(clock, new Liveness(intervals.agentTimeout(), clock.instant()));
    this.fleet = fleet;
    DirectorApi director = new HttpDirectorApi(config.director(), clock);
    EventProcessor processor = new EventProcessor(clock, intervals.pruneEvents(), metrics);
    PluginContext context = new PluginContext(fleet, director, processor, clock, intervals.agentTimeout(), intervals.resurrectionConfig());
    for (PluginSpec spec : config.plugins()) {
      PluginRunner runner = new PluginRunner(spec.provider().create(config.document(), spec.optionsPath(), spec.options(), context), spec.events());
      resources.add(runner);
      processor.add(runner);
    }
    HeartbeatCredentials credentials = HeartbeatCredentials.fromKeyFile(config.ingest().heartbeatKey());
    IngestServer ingest = new IngestServer(config.ingest(), credentials, new AgentMessageHandler(fleet, processor, metrics, clock));
    resources.add(ingest);
    ingest.start();
    ingestUrl = URI.create("https://" + config.ingest().endpoint().address() + ":" + ingest.port());
    ApiServer api = new ApiServer(config.http(), fleet, metrics, processor.runners(), () -> lastPulse, clock);
    resources.add(api);
    api.start();
    apiUrl = URI.create("http://" + config.http().address() + ":" + api.port());

    DeadlineAnalyzer deadlines = new DeadlineAnalyzer(fleet, processor, clock, intervals.analyzeAgents());
    SweepAnalyzer sweeps = new SweepAnalyzer(fleet, processor, clock, intervals.rogueAgentAlert());
    ScheduledExecutorService ticker = timer("hm-ticker");
    // Deadlines are checked four times a second, so a silent agent is flagged well within a second of its timeout.
    every(ticker, DEADLINE_CHECK, "deadline check", deadlines::check);
    every(ticker, TICK, "tick", () -> {
      lastPulse = clock.instant();
      processor.tick(lastPulse);
    });
    every(ticker, intervals.analyzeAgents(), "sweep", sweeps::sweep);
    every(ticker, intervals.pruneEvents(), "event pruning", processor::prune);
    every(ticker, intervals.logStats(), "stats", () -> LOG.info("Managing {} deployments, {} agents", fleet.deployments().size(), fleet.managedCount()));
    DirectorPoller poller = new DirectorPoller(director, fleet, deadlines::watch, processor, metrics, clock, intervals.directorUnreachableAlert());
    ScheduledExecutorService sync = timer("hm-director-sync");
    sync.scheduleWithFixedDelay(guarded("director sync", poller::poll), 0, intervals.pollDirector().toMillis(), TimeUnit.MILLISECONDS);
    LOG.info("Health monitor started: ingest on {}, API on {}, {} plugins", ingestUrl, apiUrl, config.plugins().size());
  }

  private ScheduledExecutorService timer(String name) {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, name));
    resources.add(() -> {
      timer.shutdownNow();
      timer.awaitTermination(10, TimeUnit.SECONDS);
    });
    return timer;
  }

  private static void every(ScheduledExecutorService timer, Duration period, String what, Runnable task) {
    timer.scheduleAtFixedRate(guarded(what, task), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A periodic task that throws would silently never run again; log it and keep the schedule. */
  private static Runnable guarded(String what, Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.error("{} failed", what, e);
      }
    };
  }

  /** What this Health Monitor knows of the agents it watches. */
  public Fleet fleet() {
    return fleet;
  }

  /** Where agents post: {@code https://<address>:<port>}. */
  public URI ingestUrl() {
    return ingestUrl;
  }

  /** The HTTP API: {@code http://<address>:<port>}. */
  public URI apiUrl() {
    return apiUrl;
  }

  /** Blocks until {@link #close()} has finished. */
  public void awaitTermination() throws InterruptedException {
    terminated.await();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // timers first (last added), then the listeners, then the plugins, so nothing feeds a closed plugin
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        LOG.warn("stopping {} failed: {}", resources.get(i), e.toString());
      }
    }
    terminated.countDown();
  }
}
