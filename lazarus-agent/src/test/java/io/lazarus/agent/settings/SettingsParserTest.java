package io.lazarus.agent.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SettingsParserTest {
  static final String VALID = """
      {"agent_id": "a-1", "vm": {"name": "vm-1"},
       "mbus": "https://mbus:p%40ss@127.10.0.5:6868",
       "env": {"bosh": {"mbus": {"cert": {"ca": "CA", "certificate": "CERT", "private_key": "KEY"}}}},
       "blobstores": [{"provider": "dav", "options": {"endpoint": "https://127.0.0.1:25555/agent-blobs", "user": "u", "password": "p"}}],
       "networks": {"b": {"ip": "127.10.0.9"}, "a": {"ip": "127.10.0.5"}},
       "disks": {"system": "", "persistent": {"disk-1": {"path": "/disks/1"}, "disk-2": "/disks/2"}},
       "heartbeat": {"url": "https://127.0.0.1:25923", "user": "a-1", "password": "hb", "ca": "CA", "interval_seconds": 5}}
      """;

  final SettingsParser parser = new SettingsParser("settings.json");

  @Test
  void readsBoshSettingsWithTheHeartbeatKey() {
    Settings settings = parser.parse(VALID);

    assertThat(settings.agentId()).isEqualTo("a-1");
    assertThat(settings.vmName()).isEqualTo("vm-1");
    assertThat(settings.mbus().user()).isEqualTo("mbus");
    assertThat(settings.mbus().password()).isEqualTo("p@ss");
    assertThat(settings.mbus().url().getPort()).isEqualTo(6868);
    assertThat(settings.mbus().tls()).get().extracting(Settings.TlsMaterial::privateKey).isEqualTo("KEY");
    assertThat(settings.blobstores().getFirst().option("endpoint")).isEqualTo("https://127.0.0.1:25555/agent-blobs");
    assertThat(settings.persistentDisks().get("disk-1").path()).isEqualTo("/disks/1");
    assertThat(settings.persistentDisks().get("disk-2").path()).isEqualTo("/disks/2");
    assertThat(settings.heartbeat()).get().extracting(Settings.HeartbeatSettings::intervalSeconds).isEqualTo(5);
    assertThat(settings.ips()).containsExactly("127.10.0.5", "127.10.0.9");
  }

  @Test
  void errorsNameTheFileAndTheField() {
    assertThatThrownBy(() -> parser.parse(VALID.replace("\"agent_id\": \"a-1\",", "")))
        .isInstanceOf(SettingsException.class).hasMessage("settings.json: 'agent_id' is missing or empty");
    assertThatThrownBy(() -> parser.parse(VALID.replace("https://mbus:p%40ss@", "http://mbus:p@")))
        .hasMessage("settings.json: 'mbus' must be an https:// URL, got scheme 'http'");
    assertThatThrownBy(() -> parser.parse(VALID.replace("mbus:p%40ss@", "")))
        .hasMessage("settings.json: 'mbus' must carry credentials as https://user:password@host:port");
    assertThatThrownBy(() -> parser.parse(VALID.replace("\"private_key\": \"KEY\"", "\"private_key\": 7")))
        .hasMessage("settings.json: 'env.bosh.mbus.cert.private_key' must be a string");
    assertThatThrownBy(() -> parser.parse(VALID.replace("\"interval_seconds\": 5", "\"interval_seconds\": 0")))
        .hasMessage("settings.json: 'heartbeat.interval_seconds' must be a whole number of seconds, at least 1");
    assertThatThrownBy(() -> parser.parse(VALID.replace("{\"path\": \"/disks/1\"}", "{}")))
        .hasMessage("settings.json: 'disks.persistent.disk-1.path' is missing or empty");
    assertThatThrownBy(() -> parser.parse(VALID.replace("\"endpoint\": \"https://127.0.0.1:25555/agent-blobs\", ", "")))
        .hasMessage("settings.json: 'blobstores[0].options.endpoint' is missing");
    assertThatThrownBy(() -> parser.parse("{")).hasMessageStartingWith("settings.json: not valid JSON");
  }
}
