package io.lazarus.monitor.resurrector;

import io.lazarus.monitor.events.Alert;
import io.lazarus.monitor.plugins.PluginContext;
import io.lazarus.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deployment 'd' with j1/i1, j1/i2, j2/i3, j2/i4 (all silent, AZ z1) and a healthy deployment 'other' (z2), the
 * Director and the clock as fakes, and the alerts the Resurrector raised.
 */
final class ResurrectorFixture {
  static final Instant START = Instant.parse("2026-11-29T10:00:00Z");
  static final Duration AGENT_TIMEOUT = Duration.ofSeconds(15);

  final MutableClock clock = new MutableClock(START);
  final FakeFleet fleet = new FakeFleet();
  final FakeDirector director = new FakeDirector();
  final List<Alert> alerts = new ArrayList<>();

  ResurrectorFixture() {
    Instant silentSince = START.minusSeconds(20);
    fleet.add(FakeFleet.silent("d", "j1", "i1", "z1", silentSince))
        .add(FakeFleet.silent("d", "j1", "i2", "z1", silentSince))
        .add(FakeFleet.silent("d", "j2", "i3", "z1", silentSince))
        .add(FakeFleet.silent("d", "j2", "i4", "z1", silentSince))
        .add(FakeFleet.healthy("other", "web", "o1", "z2", START))
        .add(FakeFleet.healthy("other", "web", "o2", "z2", START));
    director.tasks = List.of(new io.lazarus.monitor.director.DirectorApi.TaskSummary(60337, "processing", "create deployment", "d", null));
  }

  Resurrector resurrector(ResurrectorOptions options) {
    return new Resurrector(options, new PluginContext(fleet, director, alerts::add, clock, AGENT_TIMEOUT, options.directorPollInterval()));
  }

  Resurrector resurrector() {
    return resurrector(ResurrectorOptions.defaults());
  }

  static Map<String, List<String>> allOfD() {
    Map<String, List<String>> jobs = new LinkedHashMap<>();
    jobs.put("j1", List.of("i1", "i2"));
    jobs.put("j2", List.of("i3", "i4"));
    return jobs;
  }

  Alert deploymentHealth(Map<String, List<String>> jobs) {
    return new Alert(java.util.UUID.randomUUID().toString(), Alert.CRITICAL, Alert.DEPLOYMENT_HEALTH, "d has instances with timed out agents", null, "d", "d", null,
        null, clock.instant(), jobs);
  }

  Alert deploymentHealth() {
    return deploymentHealth(allOfD());
  }

  List<String> titles() {
    return alerts.stream().map(Alert::title).toList();
  }
}
