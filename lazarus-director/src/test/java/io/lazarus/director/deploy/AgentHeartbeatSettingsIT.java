package io.lazarus.director.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.core.heartbeat.HeartbeatCredentials;
import io.lazarus.cpi.CreatedVm;
import io.lazarus.cpi.Network;
import io.lazarus.cpi.VmSpec;
import io.lazarus.cpi.dummy.DummyCpi;
import io.lazarus.director.blobstore.AgentBlobCredentials;
import io.lazarus.director.tls.AgentCertificateAuthority;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agent made by the dummy CPI from the Director's {@code env} finds its heartbeat settings in settings.json's shape. */
class AgentHeartbeatSettingsIT {
  @TempDir Path dir;

  @Test
  void anAgentGetsItsOwnHeartbeatCredentials() throws Exception {
    HeartbeatCredentials.writeNewKey(dir.resolve("heartbeat.key"));
    HeartbeatCredentials key = HeartbeatCredentials.fromKeyFile(dir.resolve("heartbeat.key"));
    HeartbeatSettings heartbeat = new HeartbeatSettings(URI.create("https://127.0.0.1:25924"), key, "INGEST CA PEM", 5);
    AgentEnvironment environment = new AgentEnvironment(AgentCertificateAuthority.loadOrGenerate(dir.resolve("tls"), Clock.systemUTC()),
        () -> URI.create("https://127.0.0.1:25555/agent-blobs"), AgentBlobCredentials.loadOrCreate(dir.resolve("blobs.json")), "DIRECTOR CA PEM", Optional.of(heartbeat));
    String ip = "127.88.201.7";
    try (DummyCpi cpi = new DummyCpi()) {
      String stemcell = cpi.createStemcell(dir, Map.of());

      CreatedVm vm = cpi.createVm(new VmSpec("agent-7", stemcell, Map.of(), Map.of("default", Network.manual(ip, "255.255.255.0", "127.88.201.1")), List.of(),
          environment.env("agent-7", ip, environment.newCredentials())));

      assertThat(cpi.agentFor(vm.cid()).settings().get("heartbeat")).isEqualTo(Map.of(
          "url", "https://127.0.0.1:25924",
          "user", "agent-7",
          "password", key.password("agent-7"),
          "ca", "INGEST CA PEM",
          "interval_seconds", 5));
      assertThat(key.verify("agent-7", String.valueOf(((Map<?, ?>) cpi.agentFor(vm.cid()).settings().get("heartbeat")).get("password")))).isTrue();
    }
  }

  @Test
  void withoutAHealthMonitorAgentsGetNoHeartbeat() throws Exception {
    AgentEnvironment environment = new AgentEnvironment(AgentCertificateAuthority.loadOrGenerate(dir.resolve("tls"), Clock.systemUTC()),
        () -> URI.create("https://127.0.0.1:25555/agent-blobs"), AgentBlobCredentials.loadOrCreate(dir.resolve("blobs.json")), "DIRECTOR CA PEM", Optional.empty());

    assertThat(environment.env("agent-8", "127.88.201.8", environment.newCredentials())).containsOnlyKeys("bosh");
  }
}
