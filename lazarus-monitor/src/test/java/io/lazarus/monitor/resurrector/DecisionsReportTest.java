package io.lazarus.monitor.resurrector;

import static io.lazarus.monitor.resurrector.ResurrectorFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.monitor.director.DirectorApi.ResurrectionSwitch;
import io.lazarus.monitor.fleet.AgentView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code GET /decisions}: healing.md's shape, one decision and reason per instance. */
class DecisionsReportTest {
  private final ResurrectorFixture f = new ResurrectorFixture();

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> byInstance(Map<String, Object> deployment) {
    return ((List<Map<String, Object>>) deployment.get("instances")).stream()
        .collect(java.util.stream.Collectors.toMap(i -> (String) i.get("instance"), i -> i));
  }

  @Test
  void healthyDeploymentInHealingMdShape() {
    Resurrector resurrector = f.resurrector();
    f.clock.advance(Duration.ofSeconds(3));
    List<Map<String, Object>> decisions = resurrector.decisions(Optional.of("other"));
    assertThat(decisions).singleElement().satisfies(d -> {
      assertThat(d).containsEntry("deployment", "other").containsEntry("state", "normal")
          .containsEntry("summary", "deployment: 'other'; 0 of 2 agents are unhealthy (0.0%)").containsEntry("resurrection_paused", false)
          .containsEntry("paused_until", null);
      assertThat(byInstance(d).get("web/o1")).containsEntry("index", 0).containsEntry("az", "z2").containsEntry("agent_id", "agent-o1")
          .containsEntry("cid", "cid-o1").containsEntry("last_heartbeat", START.toString()).containsEntry("silent_seconds", 3L)
          .containsEntry("job_state", "running").containsEntry("resurrection_enabled", true).containsEntry("rule", null)
          .containsEntry("decision", "healthy").containsEntry("reason", "heartbeat 3 s ago (timeout 15 s)").containsEntry("attempts", 0)
          .containsEntry("next_attempt_at", null);
    });
    assertThat(resurrector.decisions(Optional.of("unknown"))).isEmpty();
    assertThat(resurrector.decisions(Optional.empty())).extracting(d -> d.get("deployment")).containsExactly("d", "other");
  }

  @Test
  void eachReasonNotToActIsNamed() {
    f.fleet.update(new AgentView("agent-i2", "d", "j1", 0, "i2", "c", "z1", null, START, null, true, false, true, "started", null));
    f.fleet.add(new AgentView("agent-w", "other", "web", 2, "o3", "c", "z2", null, START, null, false, true, false, "started", null));
    f.fleet.add(new AgentView("agent-s", "other", "web", 3, "o4", "c", "z2", START.minusSeconds(7), START.minusSeconds(7), "running", false, false, false, "started", null));
    Resurrector resurrector = f.resurrector();
    resurrector.onAlert(f.deploymentHealth(Map.of("j1", List.of("i1"))));

    Map<String, Map<String, Object>> d = byInstance(resurrector.decisions(Optional.of("d")).get(0));
    assertThat(d.get("j1/i1")).containsEntry("decision", "recreating").containsEntry("attempts", 1);
    assertThat((String) d.get("j1/i1").get("reason")).startsWith("scan_and_fix task 100 requested at");
    assertThat(d.get("j1/i2")).containsEntry("decision", "skipped_ignored");
    assertThat(d.get("j2/i3")).containsEntry("decision", "recreating");
    assertThat((String) d.get("j2/i3").get("reason")).isEqualTo("silent for 20 s (timeout 15 s); scan_and_fix is requested on the next deployment_health alert");

    Map<String, Map<String, Object>> other = byInstance(resurrector.decisions(Optional.of("other")).get(0));
    assertThat(other.get("web/o3")).containsEntry("decision", "warm_up");
    assertThat(other.get("web/o4")).containsEntry("decision", "waiting_for_timeout").containsEntry("reason", "no heartbeat for 7 s; the agent times out after 15 s");

    f.fleet.locked.add("d");
    assertThat(byInstance(resurrector.decisions(Optional.of("d")).get(0)).get("j2/i3")).containsEntry("decision", "skipped_locked");
    f.fleet.locked.clear();
    f.director.resurrection = new ResurrectionSwitch(false, Optional.of(START.plusSeconds(3600)), Optional.of(START), true);
    resurrector.tick(f.clock.instant());
    Map<String, Object> paused = resurrector.decisions(Optional.of("d")).get(0);
    assertThat(paused).containsEntry("resurrection_paused", true).containsEntry("paused_until", START.plusSeconds(3600).toString());
    assertThat(byInstance(paused).get("j2/i3")).containsEntry("decision", "skipped_paused");
  }

  @Test
  void aStatefulInstanceTheDirectorLeavesAloneIsExplainedAndNotRequested() {
    AgentView i1 = f.fleet.instance("d", "i1").orElseThrow();
    f.fleet.update(new AgentView(i1.agentId(), "d", "j1", 0, "i1", i1.cid(), "z1", i1.lastHeartbeat(), i1.silentSince(), "running", true, false, false, "started", "disk-1"));
    f.director.resurrection = new ResurrectionSwitch(true, Optional.empty(), Optional.empty(), false);
    Resurrector resurrector = f.resurrector();
    resurrector.tick(f.clock.instant());

    resurrector.onAlert(f.deploymentHealth(Map.of("j1", List.of("i1", "i2"))));

    assertThat(f.director.scanAndFixes).containsExactly(Map.of("j1", List.of("i2")));
    Map<String, Map<String, Object>> d = byInstance(resurrector.decisions(Optional.of("d")).get(0));
    assertThat(d.get("j1/i1")).containsEntry("decision", "skipped_stateful").containsEntry("resurrection_enabled", true).containsEntry("attempts", 0)
        .containsEntry("reason", "silent for 20 s (timeout 15 s); it has persistent disk 'disk-1' and the Director's scan_and_fix.auto_fix_stateful_nodes"
            + " is false, so scan_and_fix leaves it to the operator (lazarus cck)");
    assertThat(d.get("j1/i2")).containsEntry("decision", "recreating");

    // The Director heals stateful instances again (restarted with auto_fix_stateful_nodes: true): so does the Resurrector.
    f.director.resurrection = new ResurrectionSwitch(true, Optional.empty(), Optional.empty(), true);
    f.clock.advance(ResurrectorOptions.defaults().directorPollInterval());
    resurrector.tick(f.clock.instant());
    assertThat(byInstance(resurrector.decisions(Optional.of("d")).get(0)).get("j1/i1")).containsEntry("decision", "recreating");
    resurrector.onAlert(f.deploymentHealth(Map.of("j1", List.of("i1"))));
    assertThat(f.director.scanAndFixes).containsExactly(Map.of("j1", List.of("i2")), Map.of("j1", List.of("i1")));
  }

  @Test
  void meltdownAndRulesAreExplained() {
    ResurrectorOptions d = ResurrectorOptions.defaults();
    Resurrector resurrector = f.resurrector(new ResurrectorOptions(new MeltdownThresholds(2, 0.2, Duration.ofSeconds(600)), false, false, d.backoff(),
        d.flapLimit(), d.verifyTimeout(), d.pauseAlertAfter(), d.unhealthyAlertAfter(), d.directorPollInterval()));
    f.director.configs = List.of(new io.lazarus.monitor.director.DirectorApi.NamedConfig("1", "default", "rules:\n- enabled: false\n  include: {instance_groups: [j2]}\n"));
    resurrector.tick(f.clock.instant());
    assertThat(byInstance(resurrector.decisions(Optional.of("d")).get(0)).get("j2/i3")).containsEntry("decision", "skipped_rule").containsEntry("resurrection_enabled", false)
        .containsEntry("rule", "config 'default' rule 1 (enabled: false, include: {instance_groups: [j2]})");
    resurrector.onAlert(f.deploymentHealth());
    Map<String, Object> meltdown = resurrector.decisions(Optional.of("d")).get(0);
    assertThat(meltdown).containsEntry("state", "meltdown");
    assertThat(byInstance(meltdown).get("j1/i1")).containsEntry("decision", "skipped_meltdown");
  }
}
