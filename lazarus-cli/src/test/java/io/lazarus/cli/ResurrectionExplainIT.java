package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.cli.fake.FakeDirector;
import io.lazarus.core.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code lazarus resurrection explain}: the Health Monitor's decisions through the Director, as text or JSON. */
class ResurrectionExplainIT extends FakeDirectorCase {
  private static final String DECISIONS_PATH = "/deployments/demo/resurrection/decisions";
  private static final String DECISIONS = """
      {"deployment":"demo","state":"managed","summary":"deployment: 'demo'; 1 of 2 agents are unhealthy (50.0%)",
       "resurrection_paused":true,"paused_until":1795000000,
       "instances":[
        {"instance":"web/5f1e","index":0,"az":"z1","agent_id":"a1","cid":"vm-1","last_heartbeat":"2026-11-22T09:59:57Z",
         "silent_seconds":3,"job_state":"running","resurrection_enabled":true,"rule":null,
         "decision":"healthy","reason":"heartbeat 3 s ago (timeout 15 s)","attempts":0,"next_attempt_at":null},
        {"instance":"db/77aa","index":0,"az":"z2","agent_id":"a2","cid":"vm-2","last_heartbeat":null,
         "silent_seconds":null,"job_state":null,"resurrection_enabled":false,
         "rule":"config 'default' rule 2 (enabled: false, include: {instance_groups: [db]})",
         "decision":"skipped_rule","reason":"resurrection disabled by config 'default' rule 2","attempts":0,"next_attempt_at":null}
       ]}""";

  @Test
  void explainsEachInstanceInATable() {
    director.answer("GET", DECISIONS_PATH, 200, DECISIONS);

    CliRun.Result result = cli.run("resurrection", "explain", "-d", "demo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.outTrimmed()).contains("""
        Using deployment 'demo'
        Deployment 'demo': managed (deployment: 'demo'; 1 of 2 agents are unhealthy (50.0%))
        Resurrection: paused until Wed Nov 18 11:06:40 UTC 2026

        Instance  AZ  Last heartbeat  Enabled                                                                          Decision      Reason
        db/77aa   z2  never           no (config 'default' rule 2 (enabled: false, include: {instance_groups: [db]}))  skipped_rule  resurrection disabled by config 'default' rule 2
        web/5f1e  z1  3s ago          yes                                                                              healthy       heartbeat 3 s ago (timeout 15 s)

        2 decisions

        Succeeded
        """);
  }

  @Test
  void withJsonTheHealthMonitorsAnswerIsTheBlock() {
    director.answer("GET", DECISIONS_PATH, 200, DECISIONS);

    CliRun.Result result = cli.run("resurrection", "explain", "-d", "demo", "--json");

    Map<?, ?> document = Json.read(result.out(), Map.class);
    assertThat(result.exitCode()).isZero();
    assertThat(Json.read((String) ((List<?>) document.get("Blocks")).getFirst(), Map.class)).isEqualTo(Json.read(DECISIONS, Map.class));
    assertThat(document.get("Tables")).isNull();
  }

  @Test
  void aDirectorWithoutHealthMonitorSaysSoAndTheCommandFails() {
    director.answer("GET", DECISIONS_PATH, 503,
        "{\"code\":440020,\"description\":\"no Health Monitor configured (health_monitor.api_url in director.yml)\"}");

    CliRun.Result result = cli.run("resurrection", "explain", "-d", "demo");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("""
        Explaining resurrection of deployment 'demo':
          no Health Monitor configured (health_monitor.api_url in director.yml)""");
  }

  @Test
  void recentTasksOfAllDeploymentsWithAnEmptyDeployment() {
    director.answer("GET", "/tasks", 200, """
        [{"id":7,"state":"done","description":"scan and fix","timestamp":1795000000,"started_at":1795000000,
          "result":"","user":"hm","deployment":"demo","context_id":""}]""");

    CliRun.Result result = cli.variable("BOSH_DEPLOYMENT", "other").run("tasks", "--recent", "--all", "-d", "");

    assertThat(result.exitCode()).isZero();
    assertThat(director.requests("GET", "/tasks?")).extracting(FakeDirector.Recorded::uri).containsExactly("/tasks?limit=30&verbose=2");
    assertThat(result.out()).contains("hm").contains("scan and fix");
  }
}
