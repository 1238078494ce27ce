package io.lazarus.monitor.resurrector;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.monitor.events.Alert;
import io.lazarus.monitor.fleet.AgentView;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** bosh-behaviour.md §3.4, T1–T6: deployment 'deployment' with 10 agents, agent i has job 00i and instance uuid<i>. */
class AlertTrackerTest {
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00.700Z");
  private static final List<AgentView> AGENTS =
      IntStream.range(0, 10).mapToObj(i -> FakeFleet.healthy("deployment", "00" + i, "uuid" + i, "z1", NOW)).toList();

  private static Alert critical(int agent, Instant at) {
    return new Alert("a" + agent + at, Alert.CRITICAL, "vm_health", "t", null, "s", "deployment", "00" + agent, "uuid" + agent, at, Map.of());
  }

  private static JobInstanceKey key(int agent) {
    return new JobInstanceKey("deployment", "00" + agent, "uuid" + agent);
  }

  @Test
  void t1NoAlertsIsNormal() {
    DeploymentState state = AlertTracker.EMPTY.stateFor("deployment", AGENTS, NOW, MeltdownThresholds.BOSH_DEFAULTS);
    assertThat(state.state()).isEqualTo(DeploymentState.State.NORMAL);
    assertThat(state.summary()).isEqualTo("deployment: 'deployment'; 0 of 10 agents are unhealthy (0.0%)");
  }

  @Test
  void t2OneAlertBelowMinimumIsManaged() {
    AlertTracker tracker = AlertTracker.EMPTY.record(key(0), critical(0, NOW));
    DeploymentState state = tracker.stateFor("deployment", AGENTS, NOW, new MeltdownThresholds(2, 0.0, Duration.ofSeconds(600)));
    assertThat(state.state()).isEqualTo(DeploymentState.State.MANAGED);
    assertThat(state.summary()).isEqualTo("deployment: 'deployment'; 1 of 10 agents are unhealthy (10.0%)");
  }

  @Test
  void t3TwoAlertsBelowPercentIsManaged() {
    AlertTracker tracker = AlertTracker.EMPTY.record(key(0), critical(0, NOW)).record(key(1), critical(1, NOW));
    DeploymentState state = tracker.stateFor("deployment", AGENTS, NOW, new MeltdownThresholds(2, 0.21, Duration.ofSeconds(600)));
    assertThat(state.state()).isEqualTo(DeploymentState.State.MANAGED);
    assertThat(state.summary()).isEqualTo("deployment: 'deployment'; 2 of 10 agents are unhealthy (20.0%)");
  }

  @Test
  void t4BothThresholdsReachedIsMeltdown() {
    AlertTracker tracker = AlertTracker.EMPTY.record(key(0), critical(0, NOW)).record(key(1), critical(1, NOW));
    DeploymentState state = tracker.stateFor("deployment", AGENTS, NOW, new MeltdownThresholds(2, 0.20, Duration.ofSeconds(600)));
    assertThat(state.state()).isEqualTo(DeploymentState.State.MELTDOWN);
    assertThat(state.summary()).isEqualTo("deployment: 'deployment'; 2 of 10 agents are unhealthy (20.0%)");
  }

  @Test
  void t5TheWindowEdgeIsInclusiveOnWholeSeconds() {
    AlertTracker tracker =
        AlertTracker.EMPTY
            .record(key(0), critical(0, NOW.minusSeconds(610)))
            .record(key(1), critical(1, NOW.minusSeconds(600).plusMillis(200)))
            .record(key(2), critical(2, NOW.minusSeconds(60)));
    DeploymentState state = tracker.stateFor("deployment", AGENTS, NOW, new MeltdownThresholds(2, 0.2, Duration.ofSeconds(600)));
    assertThat(state.state()).isEqualTo(DeploymentState.State.MELTDOWN);
    assertThat(state.summary()).isEqualTo("deployment: 'deployment'; 2 of 10 agents are unhealthy (20.0%)");
  }

  @Test
  void t6EqualKeysFindTheSameEntry() {
    Map<JobInstanceKey, String> map = new HashMap<>();
    map.put(new JobInstanceKey("deployment", "job", "uuid0"), "x");
    assertThat(map.get(new JobInstanceKey("deployment", "job", "uuid0"))).isEqualTo("x");
  }

  @Test
  void onlyCriticalAlertsCountAndTheLatestOverwrites() {
    Alert warning = new Alert("w", Alert.WARNING, null, "t", null, "s", "deployment", null, null, NOW, Map.of());
    assertThat(AlertTracker.EMPTY.record(key(0), warning).lastAlert(key(0))).isEmpty();
    AlertTracker tracker = AlertTracker.EMPTY.record(key(0), critical(0, NOW)).record(key(0), critical(0, NOW.minusSeconds(5)));
    assertThat(tracker.lastAlert(key(0))).contains(NOW.minusSeconds(5));
  }

  @Test
  void onlyCurrentInstancesOfTheDeploymentCount() {
    AlertTracker tracker = AlertTracker.EMPTY.record(new JobInstanceKey("deployment", "gone", "uuid-deleted"), critical(0, NOW));
    assertThat(tracker.stateFor("deployment", AGENTS, NOW, MeltdownThresholds.BOSH_DEFAULTS).unhealthy()).isZero();
  }

  @Test
  void percentIsRoundedToOneDecimal() {
    assertThat(DeploymentState.of("deployment: 'd'", 2, 3, MeltdownThresholds.BOSH_DEFAULTS).summary())
        .isEqualTo("deployment: 'd'; 2 of 3 agents are unhealthy (66.7%)");
  }
}
