package io.lazarus.monitor.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.monitor.director.DirectorApi.DeploymentSummary;
import io.lazarus.monitor.director.DirectorApi.InstanceSummary;
import io.lazarus.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceManagerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  private final InstanceManager fleet = new InstanceManager(clock, new Liveness(Duration.ofSeconds(15), clock.instant()));

  static InstanceSummary instance(String id, String agentId, String job, int index, String cid) {
    return new InstanceSummary(id, agentId, job, index, cid, "z1", true, false, "started", null);
  }

  private List<Agent> sync(Map<String, List<InstanceSummary>> instances, String... locked) {
    List<DeploymentSummary> deployments = instances.keySet().stream().map(d -> new DeploymentSummary(d, List.of("team-" + d), List.of(locked).contains(d))).toList();
    return fleet.sync(deployments, instances);
  }

  @Test
  void addsUpdatesAndRemovesDeploymentsInstancesAndAgents() {
    List<Agent> added = sync(Map.of("d1", List.of(instance("i1", "a1", "web", 0, "vm-1"), instance("i2", "a2", "web", 1, "vm-2")), "d2", List.of(instance("i3", "a3", "db", 0, "vm-3"))));
    assertThat(added).extracting(Agent::id).containsExactlyInAnyOrder("a1", "a2", "a3");
    assertThat(fleet.synced()).isTrue();
    assertThat(fleet.teams("d1")).containsExactly("team-d1");

    added = sync(Map.of("d1", List.of(instance("i1", "a1", "web", 0, "vm-1b"), instance("i4", "a4", "web", 2, "vm-4"))), "d1");
    assertThat(added).extracting(Agent::id).containsExactly("a4");
    assertThat(fleet.deployments()).containsExactly("d1");
    assertThat(fleet.locked("d1")).isTrue();
    assertThat(fleet.agents("d1")).extracting(AgentView::agentId).containsExactly("a1", "a4");
    assertThat(fleet.instance("d1", "i1")).get().extracting(AgentView::cid).isEqualTo("vm-1b");
    assertThat(fleet.managedCount()).isEqualTo(2);
  }

  @Test
  void instancesWithoutIdAreSkippedAndThoseExpectingAVmWithoutOneArePlaceholders() {
    sync(Map.of("d", List.of(instance(null, "a0", "web", 0, "vm"), instance("i1", null, "web", 1, null),
        new InstanceSummary("i2", null, "web", 2, null, "z1", false, false, "detached", null))));
    assertThat(fleet.agents("d")).singleElement().satisfies(a -> {
      assertThat(a.withoutVm()).isTrue();
      assertThat(a.instanceId()).isEqualTo("i1");
    });
    assertThat(fleet.instancesWithoutVm()).containsOnlyKeys("d");
  }

  @Test
  void unknownAgentsAreUnmanagedUntilTheDirectorListsThem() {
    Agent stray = fleet.agentForMessage("a1");
    assertThat(fleet.unmanagedAgents()).containsExactly(stray);
    sync(Map.of("d", List.of(instance("i1", "a1", "web", 0, "vm"))));
    assertThat(fleet.unmanagedAgents()).isEmpty();
    assertThat(fleet.agentForMessage("a1").placement().deployment()).isEqualTo("d");
  }

  @Test
  void onlyAHeartbeatRefreshesLivenessAndShutdownForgetsTheAgent() {
    sync(Map.of("d", List.of(instance("i1", "a1", "web", 0, "vm"))));
    clock.advance(Duration.ofSeconds(10));
    fleet.heartbeat(fleet.agentForMessage("a1"), "running", 3);
    assertThat(fleet.agents("d").getFirst().lastHeartbeat()).isEqualTo(clock.instant());
    assertThat(fleet.agents("d").getFirst().jobState()).isEqualTo("running");
    fleet.remove("a1");
    assertThat(fleet.agents("d")).isEmpty();
  }

  @Test
  void warmUpLastsOneTimeoutFromDiscoveryAndRestartsWhenTheDirectorComesBack() {
    sync(Map.of("d", List.of(instance("i1", "a1", "web", 0, "vm"), instance("i2", "a2", "web", 1, "vm2"))));
    fleet.heartbeat(fleet.agentForMessage("a2"), "running", null);
    assertThat(view("a1").warmingUp()).isTrue();
    assertThat(view("a2").warmingUp()).isFalse();
    clock.advance(Duration.ofSeconds(15));
    assertThat(view("a1").warmingUp()).isTrue();
    assertThat(view("a1").timedOut()).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(view("a1").warmingUp()).isFalse();
    assertThat(view("a1").timedOut()).isTrue();
    assertThat(view("a2").timedOut()).isTrue();

    fleet.directorBack(clock.instant());
    assertThat(view("a1").timedOut()).isFalse();
    assertThat(view("a1").warmingUp()).isTrue();
    assertThat(view("a2").timedOut()).isFalse();
    assertThat(view("a2").silentSince()).isEqualTo(clock.instant());
  }

  @Test
  void timedOutMeansStrictlyLongerThanTheTimeout() {
    InstanceManager slow = new InstanceManager(clock, new Liveness(Duration.ofSeconds(344), clock.instant()));
    slow.sync(List.of(new DeploymentSummary("d", List.of(), false)), Map.of("d", List.of(instance("i1", "a1", "web", 0, "vm"))));
    slow.heartbeat(slow.agentForMessage("a1"), "running", null);
    clock.advance(Duration.ofSeconds(344));
    assertThat(slow.agents("d").getFirst().timedOut()).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(slow.agents("d").getFirst().timedOut()).isTrue();
  }

  private AgentView view(String agentId) {
    return fleet.all().stream().filter(a -> agentId.equals(a.agentId())).findFirst().orElseThrow();
  }
}
