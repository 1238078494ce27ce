package io.lazarus.cpi.local.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.cpi.Network;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentSettingsTest {
  private static final Map<String, Object> ENV = Map.of(
      "bosh", Map.of(
          "mbus", Map.of("user", "mbus", "password", "p4ss", "port", 7000, "cert", Map.of("ca", "CA")),
          "blobstores", List.of(Map.of("provider", "dav"))),
      "lazarus", Map.of("heartbeat", Map.of("url", "https://127.0.0.1:25923")));

  @Test
  void composesBoshsShapeFromTheDirectorsEnv() {
    Map<String, Network> networks = Map.of("default", Network.manual("127.10.0.5", "255.255.255.0", "127.10.0.1"));

    Map<String, Object> settings = AgentSettings.compose("agent-1", "vm-1", networks, ENV);

    assertThat(settings).containsEntry("agent_id", "agent-1")
        .containsEntry("vm", Map.of("name", "vm-1"))
        .containsEntry("mbus", "https://mbus:p4ss@127.10.0.5:7000")
        .containsEntry("env", ENV)
        .containsEntry("blobstores", List.of(Map.of("provider", "dav")))
        .containsEntry("networks", networks)
        .containsEntry("heartbeat", Map.of("url", "https://127.0.0.1:25923"));
    assertThat(disks(settings)).containsEntry("system", "").containsEntry("ephemeral", null)
        .containsEntry("persistent", Map.of());
  }

  @Test
  void mbusUsesTheNetworkThatProvidesTheGateway() {
    Network other = new Network("manual", "127.20.0.9", null, null, null, List.of(), null);
    Network main = Network.manual("127.10.0.5", "255.255.255.0", "127.10.0.1");

    assertThat(AgentSettings.defaultIp(Map.of("other", other, "main", main))).isEqualTo("127.10.0.5");
    assertThat(AgentSettings.defaultIp(Map.of("only", other))).isEqualTo("127.20.0.9");
  }

  @Test
  void mbusDefaultsToPort6868AndLeavesOutMissingCredentials() {
    assertThat(AgentSettings.mbus("127.0.0.2", Map.of())).isEqualTo("https://127.0.0.2:6868");
    assertThat(AgentSettings.mbus("127.0.0.2", Map.of("bosh", Map.of("mbus", Map.of("user", "u")))))
        .isEqualTo("https://u@127.0.0.2:6868");
  }

  @Test
  void refusesNetworksWithoutADefaultIp() {
    Network a = new Network("manual", "127.0.0.2", null, null, null, List.of(), null);
    Network b = new Network("manual", "127.0.0.3", null, null, null, List.of(), null);

    assertThatThrownBy(() -> AgentSettings.defaultIp(Map.of("a", a, "b", b)))
        .hasMessageContaining("no default network with an IP");
  }

  @Test
  void persistentDisksReplaceThePreviousOnesAndKeepTheRest() {
    Map<String, Object> settings = AgentSettings.compose("a", "vm", Map.of("n", Network.manual("127.0.0.2", null, null)), ENV);

    Map<String, Object> attached = AgentSettings.withPersistentDisks(settings, Map.of("disk-1", "/d/disk-1"));
    Map<String, Object> detached = AgentSettings.withPersistentDisks(attached, Map.of());

    assertThat(disks(attached)).containsEntry("persistent", Map.of("disk-1", Map.of("path", "/d/disk-1")))
        .containsEntry("system", "");
    assertThat(disks(detached)).containsEntry("persistent", Map.of());
    assertThat(attached).containsEntry("mbus", settings.get("mbus"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> disks(Map<String, Object> settings) {
    return (Map<String, Object>) settings.get("disks");
  }
}
