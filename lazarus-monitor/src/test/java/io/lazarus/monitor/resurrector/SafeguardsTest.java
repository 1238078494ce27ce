package io.lazarus.monitor.resurrector;

import static io.lazarus.monitor.resurrector.ResurrectorFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.monitor.director.DirectorApi.ResurrectionSwitch;
import io.lazarus.monitor.events.Alert;
import io.lazarus.monitor.fleet.AgentView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lazarus beyond BOSH (healing.md): director-wide and per-AZ meltdown, backoff, flap limit, verification, long pauses and silences. */
class SafeguardsTest {
  private final ResurrectorFixture f = new ResurrectorFixture();
  private final Map<String, List<String>> i1 = Map.of("j1", List.of("i1"));

  private void back(String id, Instant heartbeat) {
    AgentView old = f.fleet.instance("d", id).orElseThrow();
    f.fleet.update(FakeFleet.healthy("d", old.job(), id, old.az(), heartbeat));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> firstInstance(Resurrector resurrector) {
    return ((List<Map<String, Object>>) resurrector.decisions(Optional.of("d")).get(0).get("instances")).get(0);
  }

  @Test
  void everyAgentSilentActsOnNothing() {
    f.fleet.agents.removeIf(a -> a.deployment().equals("other"));
    f.fleet.add(FakeFleet.silent("other", "web", "o1", "z2", START));
    f.resurrector().onAlert(f.deploymentHealth());
    assertThat(f.director.scanAndFixes).isEmpty();
    assertThat(f.alerts).singleElement().satisfies(alert -> {
      assertThat(alert.severity()).isEqualTo(1);
      assertThat(alert.title()).isEqualTo("All agents are silent: this Health Monitor may be cut off; skipping resurrection");
      assertThat(alert.summary()).contains("all 5 agents of this director are silent");
    });
  }

  @Test
  void fewerAgentsThanMinimumDownJobsDoNotTripTheDirectorWideRule() {
    f.fleet.agents.clear();
    f.fleet.add(FakeFleet.silent("d", "j1", "i1", null, START));
    f.resurrector().onAlert(f.deploymentHealth(i1));
    assertThat(f.director.scanAndFixes).containsExactly(i1);
  }

  @Test
  void agentsAboutToTimeOutCountTowardsMeltdownSoAGroupThatDiedTogetherIsNotRecreatedOneByOne() {
    f.fleet.agents.clear();
    f.fleet.add(FakeFleet.silent("d", "web", "w0", "z1", START.minusSeconds(16)));
    for (int i = 1; i <= 5; i++) {
      f.fleet.add(FakeFleet.healthy("d", "web", "w" + i, "z1", START.minusSeconds(11))); // silent 11 s > 2/3 of the 15 s timeout
    }
    for (int i = 6; i <= 9; i++) {
      f.fleet.add(FakeFleet.healthy("d", "web", "w" + i, "z1", START));
    }

    f.resurrector().onAlert(f.deploymentHealth(Map.of("web", List.of("w0"))));

    assertThat(f.director.scanAndFixes).isEmpty();
    assertThat(f.titles()).contains("We are in meltdown");
    assertThat(f.alerts).filteredOn(alert -> alert.title().equals("We are in meltdown")).first()
        .satisfies(alert -> assertThat(alert.summary()).endsWith("6 of 10 agents are unhealthy (60.0%)"));
  }

  @Test
  void anInstanceWhoseJobsDoNotRunAfterResurrectionIsRecreatedUpToTheFlapLimitThenLeftAloneWithAnAlert() {
    Resurrector resurrector = f.resurrector();
    resurrector.onAlert(f.deploymentHealth(i1));
    assertThat(f.director.scanAndFixes).containsExactly(i1);

    for (int round = 1; round <= 3; round++) {
      f.clock.advance(Duration.ofSeconds(181));
      Instant heartbeat = f.clock.instant().minusSeconds(1);
      f.fleet.update(new AgentView("agent-i1", "d", "j1", 0, "i1", "cid-i1", "z1", heartbeat, heartbeat, "failing", false, false, false, "started", null));
      resurrector.tick(f.clock.instant());
    }

    assertThat(f.director.recreates).as("recreated twice after the scan_and_fix: three recreates in the flap window").containsExactly("j1/i1", "j1/i1");
    assertThat(f.titles()).filteredOn(title -> title.startsWith("Resurrection of j1/i1 did not bring it back")).hasSize(3);
    assertThat(f.titles()).contains("Instance j1/i1 is flapping: 3 recreates in 30 minutes; resurrection stopped for it");
  }

  @Test
  void azMeltdownSkipsOnlyThatAz() {
    ResurrectorOptions d = ResurrectorOptions.defaults();
    ResurrectorOptions options = new ResurrectorOptions(new MeltdownThresholds(3, 0.5, Duration.ofSeconds(600)), true, false, d.backoff(), d.flapLimit(),
        d.verifyTimeout(), d.pauseAlertAfter(), d.unhealthyAlertAfter(), d.directorPollInterval());
    f.fleet.agents.clear();
    for (String id : List.of("a1", "a2", "a3")) {
      f.fleet.add(FakeFleet.silent("d", "web", id, "z1", START));
    }
    for (String id : List.of("b1", "b2", "b3", "b4", "b5", "b6")) {
      f.fleet.add(FakeFleet.healthy("d", "web", id, "z2", START));
    }
    f.fleet.add(FakeFleet.silent("d", "db", "b7", "z2", START));
    Resurrector resurrector = f.resurrector(options);
    // Deployment: 4 of 10 (40%) is managed; z1: 3 of 3 is in meltdown; z2: 1 of 7 is not.
    resurrector.onAlert(f.deploymentHealth(Map.of("web", List.of("a1", "a2", "a3"), "db", List.of("b7"))));
    assertThat(f.director.scanAndFixes).containsExactly(Map.of("db", List.of("b7")));
    assertThat(f.alerts).extracting(Alert::title).contains("We are in meltdown in AZ 'z1'", "Scan unresponsive VMs");
    assertThat(f.alerts.stream().filter(a -> a.title().contains("AZ")).findFirst().orElseThrow().summary())
        .isEqualTo("Skipping resurrection for instances: web/a1, web/a2, web/a3; az: 'z1'; 3 of 3 agents are unhealthy (100.0%)");
  }

  @Test
  void backoffHoldsRepeatedRequestsForTheSameInstance() {
    Resurrector resurrector = f.resurrector();
    resurrector.onAlert(f.deploymentHealth(i1));
    f.director.taskStates.put(100L, "error");
    f.clock.advance(Duration.ofSeconds(10));
    resurrector.tick(f.clock.instant()); // task failed: verification fails, one failed attempt
    assertThat(f.titles()).contains("Resurrection of j1/i1 did not bring it back");

    f.clock.advance(Duration.ofSeconds(10));
    resurrector.onAlert(f.deploymentHealth(i1)); // 20 s after the request: backoff 30 s
    assertThat(f.director.scanAndFixes).hasSize(1);
    assertThat(firstInstance(resurrector)).containsEntry("decision", "skipped_backoff").containsEntry("attempts", 1);

    f.clock.advance(Duration.ofSeconds(10));
    resurrector.onAlert(f.deploymentHealth(i1)); // 30 s: allowed again, the next wait is 60 s
    assertThat(f.director.scanAndFixes).hasSize(2);
    assertThat(resurrector.state().history(new JobInstanceKey("d", "j1", "i1")).nextAttemptAt()).isEqualTo(f.clock.instant().plusSeconds(60));
  }

  @Test
  void verifiedInstanceStartsTheBackoffOver() {
    Resurrector resurrector = f.resurrector();
    resurrector.onAlert(f.deploymentHealth(i1));
    f.clock.advance(Duration.ofSeconds(40));
    back("i1", f.clock.instant());
    resurrector.tick(f.clock.instant());
    InstanceHistory history = resurrector.state().history(new JobInstanceKey("d", "j1", "i1"));
    assertThat(history.attempts()).isZero();
    assertThat(history.verification()).isNull();
    assertThat(f.titles()).containsExactly("Scan unresponsive VMs");
  }

  @Test
  void verificationFailsWhenStillUnresponsiveOrNotRunningAfterTheTimeout() {
    Resurrector resurrector = f.resurrector();
    resurrector.onAlert(f.deploymentHealth(Map.of("j1", List.of("i1", "i2"))));
    f.clock.advance(Duration.ofSeconds(60));
    f.fleet.update(new AgentView("agent-i2", "d", "j1", 0, "i2", "cid", "z1", f.clock.instant(), f.clock.instant(), "failing", false, false, false, "started", null));
    f.clock.advance(Duration.ofSeconds(121));
    resurrector.tick(f.clock.instant());
    assertThat(f.alerts).filteredOn(a -> a.severity() == Alert.CRITICAL).extracting(Alert::summary)
        .anySatisfy(s -> assertThat(s).startsWith("Resurrection of j1/i1 did not bring it back: still unresponsive 181 s after the request"))
        .anySatisfy(s -> assertThat(s).startsWith("Resurrection of j1/i2 did not bring it back: job_state failing"));
  }

  @Test
  void flappingInstanceIsAlertedOnceAndLeftAloneUntilTheWindowPasses() {
    Resurrector resurrector = f.resurrector();
    for (int i = 0; i < 3; i++) {
      resurrector.onAlert(f.deploymentHealth(i1));
      f.clock.advance(Duration.ofSeconds(30));
      back("i1", f.clock.instant());
      resurrector.tick(f.clock.instant());
      f.fleet.update(FakeFleet.silent("d", "j1", "i1", "z1", f.clock.instant()));
      f.clock.advance(Duration.ofSeconds(30));
    }
    assertThat(f.director.scanAndFixes).hasSize(3);
    resurrector.onAlert(f.deploymentHealth(i1));
    resurrector.onAlert(f.deploymentHealth(i1));
    assertThat(f.director.scanAndFixes).hasSize(3);
    assertThat(f.alerts).filteredOn(a -> a.title().contains("flapping")).singleElement()
        .extracting(Alert::title).isEqualTo("Instance j1/i1 is flapping: 3 recreates in 30 minutes; resurrection stopped for it");

    f.clock.advance(Duration.ofMinutes(30));
    resurrector.onAlert(f.deploymentHealth(i1));
    assertThat(f.director.scanAndFixes).hasSize(4);
  }

  @Test
  void refusedRequestIsRetriedOnlyAfterTheBackoff() {
    f.director.scanAndFixRefused = true;
    Resurrector resurrector = f.resurrector();
    resurrector.onAlert(f.deploymentHealth(i1));
    f.director.scanAndFixRefused = false;
    resurrector.onAlert(f.deploymentHealth(i1));
    assertThat(f.director.scanAndFixes).isEmpty();
    f.clock.advance(Duration.ofSeconds(30));
    resurrector.onAlert(f.deploymentHealth(i1));
    assertThat(f.director.scanAndFixes).containsExactly(i1);
  }

  @Test
  void longPauseIsAlertedOncePerPeriod() {
    f.director.resurrection = new ResurrectionSwitch(false, Optional.empty(), Optional.of(START), true);
    Resurrector resurrector = f.resurrector();
    for (int minutes = 0; minutes <= 130; minutes++) {
      resurrector.tick(f.clock.instant());
      f.clock.advance(Duration.ofMinutes(1));
    }
    assertThat(f.alerts).filteredOn(a -> a.severity() == Alert.ERROR).extracting(Alert::severity, Alert::title)
        .containsExactly(org.assertj.core.api.Assertions.tuple(3, "Resurrection has been paused for 1h 1m"), org.assertj.core.api.Assertions.tuple(3, "Resurrection has been paused for 2h 1m"));
  }

  @Test
  void longUnhealthyInstanceWithoutRequestIsAlertedWithItsReason() {
    Resurrector resurrector = f.resurrector();
    f.director.configs = List.of(new io.lazarus.monitor.director.DirectorApi.NamedConfig("1", "default", "rules:\n- enabled: false\n  include: {deployments: [d]}\n"));
    resurrector.tick(f.clock.instant());
    f.clock.advance(Duration.ofMinutes(31));
    resurrector.tick(f.clock.instant());
    assertThat(f.alerts).hasSize(4).allSatisfy(alert -> assertThat(alert.severity()).isEqualTo(2));
    assertThat(f.alerts.get(0).summary()).isEqualTo("j1/i1 has been unhealthy for 31m 20s without resurrection: silent for 1880 s (timeout 15 s); "
        + "disabled by config 'default' rule 1 (enabled: false, include: {deployments: [d]})");
    f.clock.advance(Duration.ofSeconds(10));
    resurrector.tick(f.clock.instant());
    assertThat(f.alerts).hasSize(4);
  }

  @Test
  void configsAreReadEveryPollInterval() {
    Resurrector resurrector = f.resurrector();
    for (int s = 0; s < 25; s++) {
      resurrector.tick(f.clock.instant());
      f.clock.advance(Duration.ofSeconds(1));
    }
    assertThat(f.director.configReads).isEqualTo(3);
  }
}
