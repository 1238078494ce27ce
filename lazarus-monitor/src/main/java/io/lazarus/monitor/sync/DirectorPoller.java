package io.lazarus.monitor.sync;

import io.lazarus.monitor.analysis.HealthAlerts;
import io.lazarus.monitor.director.DirectorApi;
import io.lazarus.monitor.director.DirectorApi.DeploymentSummary;
import io.lazarus.monitor.director.DirectorApi.InstanceSummary;
import io.lazarus.monitor.director.DirectorApiException;
import io.lazarus.monitor.fleet.Agent;
import io.lazarus.monitor.fleet.InstanceManager;
import io.lazarus.monitor.metrics.HmMetrics;
import io.lazarus.monitor.plugins.AlertSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of the Director (bosh-behaviour.md §2.2): deployments, then each one's instances, applied to the fleet
 * only when all of them answered. Lazarus differs from BOSH in two ways: "Health monitor failed to connect to
 * director" is raised only once the Director has failed for {@code unreachableAlertAfter} (a restart of a few
 * seconds raises nothing), and when it answers again every agent gets a fresh timeout (warm-up). Called from
 * one thread.
 */
public final class DirectorPoller {
  private static final Logger LOG = LoggerFactory.getLogger(DirectorPoller.class);

  private final DirectorApi director;
  private final InstanceManager fleet;
  private final Consumer<List<Agent>> newAgents;
  private final AlertSink alerts;
  private final HmMetrics metrics;
  private final Clock clock;
  private final Duration unreachableAlertAfter;
  private Instant failingSince;

  public DirectorPoller(DirectorApi director, InstanceManager fleet, Consumer<List<Agent>> newAgents, AlertSink alerts, HmMetrics metrics, Clock clock, Duration unreachableAlertAfter) {
    this.director = director;
    this.fleet = fleet;
    this.newAgents = newAgents;
    this.alerts = alerts;
    this.metrics = metrics;
    this.clock = clock;
    this.unreachableAlertAfter = unreachableAlertAfter;
  }

  /** Returns true when the poll succeeded. */
  public boolean poll() {
    Map<String, List<InstanceSummary>> instances = new LinkedHashMap<>();
    List<DeploymentSummary> deployments;
    try {
      deployments = director.deployments();
      for (DeploymentSummary deployment : deployments) {
        instances.put(deployment.name(), director.instances(deployment.name()));
      }
    } catch (DirectorApiException e) {
      failed(e);
      return false;
    }
    if (failingSince != null) {
      LOG.info("the Director answers again after failing since {}; every agent gets a full timeout", failingSince);
      fleet.directorBack(clock.instant());
      failingSince = null;
    }
    newAgents.accept(fleet.sync(deployments, instances));
    return true;
  }

  private void failed(DirectorApiException e) {
    Instant now = clock.instant();
    metrics.syncFailure();
    if (failingSince == null) {
      failingSince = now;
    }
    if (Duration.between(failingSince, now).compareTo(unreachableAlertAfter) >= 0) {
      alerts.emit(HealthAlerts.directorUnreachable(e.getMessage(), now));
    } else {
      LOG.warn("cannot sync with the Director (failing since {}): {}", failingSince, e.getMessage());
    }
  }
}
