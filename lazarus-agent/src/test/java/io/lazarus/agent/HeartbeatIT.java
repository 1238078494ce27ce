package io.lazarus.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lazarus.agent.testing.AgentFixture;
import io.lazarus.agent.testing.FakeHeartbeatReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class HeartbeatIT {
  @TempDir Path tempDir;
  AgentFixture agent;

  @BeforeEach
  void start() throws Exception {
    agent = new AgentFixture(tempDir, 1).start();
  }

  @AfterEach
  void stop() {
    agent.close();
  }

  @Test
  void sendsHeartbeatsWithRealVitalsEveryInterval() throws Exception {
    await().atMost(Duration.ofSeconds(10)).until(() -> agent.heartbeats().size() >= 2);

    JsonNode heartbeat = agent.heartbeats().getLast().body();
    assertThat(heartbeat.path("job_state").asString()).isEqualTo("unknown");
    JsonNode vitals = heartbeat.path("vitals");
    assertThat(vitals.path("load")).hasSize(3);
    assertThat(vitals.path("load").get(0).isString()).isTrue();
    assertThat(Double.parseDouble(vitals.path("cpu").path("user").asString())).isBetween(0.0, 100.0);
    assertThat(Long.parseLong(vitals.path("mem").path("kb").asString())).isPositive();
    assertThat(vitals.path("disk").path("system").path("percent").isString()).isTrue();
    assertThat(vitals.path("disk").path("ephemeral").path("percent").isString()).isTrue();
    assertThat(vitals.path("uptime").path("secs").asLong()).isPositive();
  }

  @Test
  void raisesAnAlertWhenASupervisedProcessDies() throws Exception {
    agent.runTask("apply", ApplyIT.spec(agent.blobstore, null));
    agent.call("start");
    Path started = agent.paths.root().resolve("sys/run/web/started");
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(started));

    ProcessHandle.current().descendants()
        .filter(p -> p.info().commandLine().orElse("").contains("sleep 600"))
        .forEach(ProcessHandle::destroy);

    await().atMost(Duration.ofSeconds(10)).until(() -> !agent.receiver.received("/agents/" + AgentFixture.AGENT_ID + "/alert").isEmpty());
    FakeHeartbeatReceiver.Received alert = agent.receiver.received("/agents/" + AgentFixture.AGENT_ID + "/alert").getFirst();
    assertThat(alert.body().path("title").asString()).isEqualTo("web (127.0.0.1) - does not exist - restart");
    assertThat(alert.body().path("severity").asInt()).isEqualTo(1);
    assertThat(alert.body().path("created_at").asLong()).isPositive();
  }

  @Test
  void drainShutdownAnnouncesTheShutdownFirst() throws Exception {
    JsonNode done = agent.runTask("drain", "shutdown");

    assertThat(done.path("value").asInt()).isZero();
    assertThat(agent.receiver.received("/agents/" + AgentFixture.AGENT_ID + "/shutdown")).hasSize(1);
  }
}
