package io.lazarus.monitor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.monitor.director.DirectorApi.DeploymentSummary;
import io.lazarus.monitor.director.DirectorApi.InstanceSummary;
import io.lazarus.monitor.events.Alert;
import io.lazarus.monitor.fleet.InstanceManager;
import io.lazarus.monitor.fleet.Liveness;
import io.lazarus.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HM-core cases of bosh-behaviour.md §3.4 (I1–I5), with Lazarus' deadline-driven timing. */
class AnalyzersTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final Duration REALERT = Duration.ofSeconds(10);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  private final InstanceManager fleet = new InstanceManager(clock, new Liveness(TIMEOUT, clock.instant()));
  private final List<Alert> alerts = new ArrayList<>();
  private final DeadlineAnalyzer deadlines = new DeadlineAnalyzer(fleet, alerts::add, clock, REALERT);
  private final SweepAnalyzer sweeps = new SweepAnalyzer(fleet, alerts::add, clock, Duration.ofSeconds(120));

  private static InstanceSummary instance(String id, String agentId, String job, int index) {
    return new InstanceSummary(id, agentId, job, index, null, "z1", true, false, "started", null);
  }

  private void sync(Map<String, List<InstanceSummary>> instances, String... locked) {
    List<DeploymentSummary> deployments = instances.keySet().stream().map(d -> new DeploymentSummary(d, List.of(), List.of(locked).contains(d))).toList();
    deadlines.watch(fleet.sync(deployments, instances));
  }

  private Map<String, List<InstanceSummary>> mycloud() {
    Map<String, List<InstanceSummary>> instances = new LinkedHashMap<>();
    instances.put("mycloud", List.of(instance("instance-uuid-1", "007", "mutator", 0), instance("instance-uuid-2", "008", "mutator", 1), instance("instance-uuid-3", "009", "mutator2", 2)));
    instances.put("mycloud-2", List.of(instance("instance-uuid-4", "010", "mutator2", 3)));
    return instances;
  }

  @Test
  void i1TimedOutAgentsGiveOneAlertEachAndOneAggregatedAlertPerDeployment() {
    sync(mycloud());
    clock.advance(TIMEOUT.plusSeconds(10));
    assertThat(deadlines.check()).isEqualTo(4);
    assertThat(alerts).filteredOn(a -> Alert.VM_HEALTH.equals(a.category())).hasSize(4);
    List<Alert> aggregated = alerts.stream().filter(a -> Alert.DEPLOYMENT_HEALTH.equals(a.category())).toList();
    assertThat(aggregated).hasSize(2);
    assertThat(aggregated.get(0)).satisfies(a -> {
      assertThat(a.severity()).isEqualTo(2);
      assertThat(a.source()).isEqualTo("mycloud");
      assertThat(a.title()).isEqualTo("mycloud has instances with timed out agents");
      assertThat(a.deployment()).isEqualTo("mycloud");
      assertThat(a.jobsToInstanceIds()).containsExactly(Map.entry("mutator", List.of("instance-uuid-1", "instance-uuid-2")), Map.entry("mutator2", List.of("instance-uuid-3")));
    });
    assertThat(aggregated.get(1).jobsToInstanceIds()).containsExactly(Map.entry("mutator2", List.of("instance-uuid-4")));
  }

  @Test
  void i2ATimedOutAgentIsNamedAsBoshNamesIt() {
    sync(Map.of("mycloud", List.of(instance("instance-uuid-1", "007", "mutator", 0))));
    clock.advance(TIMEOUT.plusSeconds(10));
    deadlines.check();
    assertThat(alerts.getFirst()).satisfies(a -> {
      assertThat(a.severity()).isEqualTo(2);
      assertThat(a.category()).isEqualTo("vm_health");
      assertThat(a.source()).isEqualTo("mycloud: mutator(instance-uuid-1) [id=007, index=0, cid=]");
      assertThat(a.title()).isEqualTo("007 has timed out");
      assertThat(a.deployment()).isEqualTo("mycloud");
      assertThat(a.job()).isEqualTo("mutator");
      assertThat(a.instanceId()).isEqualTo("instance-uuid-1");
    });
  }

  @Test
  void i3LockedDeploymentsAreSkippedAndAlertedOnceTheLockEnds() {
    Map<String, List<InstanceSummary>> instances = Map.of("mycloud", List.of(instance("instance-uuid-1", "007", "mutator", 0), instance("instance-uuid-2", null, "mutator", 1)));
    sync(instances, "mycloud");
    clock.advance(TIMEOUT.plusSeconds(10));
    assertThat(deadlines.check()).isZero();
    assertThat(sweeps.sweep()).isZero();
    assertThat(alerts).isEmpty();

    sync(instances);
    clock.advance(REALERT);
    assertThat(deadlines.check()).isEqualTo(1);
  }

  @Test
  void i4AnInstanceExpectingAVmWithoutOneIsAlerted() {
    sync(Map.of("my_deployment", List.of(new InstanceSummary("instance-uuid-1", null, "mutator", 0, null, "z1", true, false, "started", null))));
    assertThat(sweeps.sweep()).isEqualTo(2);
    assertThat(alerts.get(0)).satisfies(a -> {
      assertThat(a.severity()).isEqualTo(2);
      assertThat(a.category()).isEqualTo("vm_health");
      assertThat(a.title()).isEqualTo("instance-uuid-1 has no VM");
      assertThat(a.source()).isEqualTo("my_deployment: mutator(instance-uuid-1) [agent_id=, index=0, cid=]");
    });
    assertThat(alerts.get(1).title()).isEqualTo("my_deployment has instances which do not have VMs");
    assertThat(alerts.get(1).jobsToInstanceIds()).containsExactly(Map.entry("mutator", List.of("instance-uuid-1")));
  }

  @Test
  void i5ManagedAndUnmanagedAgentsTogether() {
    Map<String, List<InstanceSummary>> instances = new LinkedHashMap<>();
    instances.put("mycloud", List.of(instance("instance-uuid-1", "007", "mutator", 0), instance("instance-uuid-2", "008", "mutator", 1)));
    instances.put("mycloud-2", List.of(instance("instance-uuid-3", "009", "mutator", 0)));
    sync(instances);
    fleet.agentForMessage("rogue");
    fleet.agentForMessage("rogue-and-silent");
    for (int t = 0; t < 121; t += 5) {
      fleet.heartbeat(fleet.agentForMessage("008"), "running", null);
      fleet.heartbeat(fleet.agentForMessage("rogue"), "running", null);
      clock.advance(Duration.ofSeconds(5));
    }

    int raised = deadlines.check() + sweeps.sweep();

    // 007 and 009 timed out: one vm_health each and one aggregated alert per deployment; "rogue" is known for more
    // than rogue_agent_alert; "rogue-and-silent" is also timed out, so it is dropped without an alert.
    assertThat(alerts).extracting(Alert::title).containsExactlyInAnyOrder(
        "007 has timed out", "mycloud has instances with timed out agents", "009 has timed out",
        "mycloud-2 has instances with timed out agents", "rogue is not a part of any deployment");
    assertThat(alerts).filteredOn(a -> a.title().startsWith("rogue")).extracting(Alert::source).containsExactly("agent rogue []");
    assertThat(raised).isEqualTo(3);
    assertThat(fleet.managedCount() + fleet.unmanagedAgents().size()).isEqualTo(4);
  }

  @Test
  void aSilentAgentIsFlaggedOnlyOnceItsTimeoutIsStrictlyOverAndRealertedWhileSilent() {
    sync(Map.of("d", List.of(instance("i1", "a1", "web", 0), instance("i2", "a2", "web", 1))));
    fleet.heartbeat(fleet.agentForMessage("a1"), "running", null);
    fleet.heartbeat(fleet.agentForMessage("a2"), "running", null);
    clock.advance(TIMEOUT);
    assertThat(deadlines.check()).isZero();
    fleet.heartbeat(fleet.agentForMessage("a2"), "running", null);
    clock.advance(Duration.ofMillis(1));
    assertThat(deadlines.check()).isEqualTo(1);
    assertThat(alerts).extracting(Alert::title).containsExactly("a1 has timed out", "d has instances with timed out agents");

    alerts.clear();
    clock.advance(REALERT.minusMillis(1));
    assertThat(deadlines.check()).isZero();
    clock.advance(Duration.ofMillis(1));
    assertThat(deadlines.check()).isEqualTo(1);
    assertThat(alerts).extracting(Alert::title).containsExactly("a1 has timed out", "d has instances with timed out agents");

    fleet.heartbeat(fleet.agentForMessage("a1"), "running", null);
    clock.advance(REALERT);
    fleet.heartbeat(fleet.agentForMessage("a2"), "running", null);
    assertThat(deadlines.check()).isZero();
  }

  @Test
  void noAlertDuringWarmUpAfterTheDirectorComesBack() {
    sync(Map.of("d", List.of(instance("i1", "a1", "web", 0))));
    fleet.heartbeat(fleet.agentForMessage("a1"), "running", null);
    clock.advance(TIMEOUT.minusSeconds(1));
    fleet.directorBack(clock.instant());
    clock.advance(Duration.ofSeconds(2));
    assertThat(deadlines.check()).isZero();
    clock.advance(TIMEOUT);
    assertThat(deadlines.check()).isEqualTo(1);
  }

  @Test
  void removedAgentsAreNoLongerWatched() {
    sync(Map.of("d", List.of(instance("i1", "a1", "web", 0))));
    sync(Map.of());
    clock.advance(TIMEOUT.plusSeconds(1));
    assertThat(deadlines.check()).isZero();
    assertThat(alerts).isEmpty();
  }
}
