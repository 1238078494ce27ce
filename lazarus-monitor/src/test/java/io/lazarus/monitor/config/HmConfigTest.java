package io.lazarus.monitor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.core.yaml.YamlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HmConfigTest {
  @TempDir Path dir;

  @BeforeEach
  void files() throws Exception {
    Files.createDirectories(dir.resolve("hm"));
    for (String file : new String[] {"hm/ingest.pem", "hm/ingest.key", "hm/heartbeat.key", "ca.pem"}) {
      Files.writeString(dir.resolve(file), "x");
    }
  }

  private static final String INGEST = """
      ingest: {certificate: ./hm/ingest.pem, private_key: ./hm/ingest.key, heartbeat_key: ./hm/heartbeat.key}
      director: {endpoint: https://127.0.0.1:25555, user: hm, password: secret}
      """;

  private HmConfig load(String yaml) throws Exception {
    Path file = dir.resolve("hm.yml");
    Files.writeString(file, yaml);
    return HmConfig.load(file);
  }

  @Test
  void readsTheFileHealingMdShows() throws Exception {
    HmConfig config = load("""
        http: {address: 127.0.0.2, port: 3000}
        ingest:
          address: 127.0.0.3
          port: 3001
          certificate: ./hm/ingest.pem
          private_key: ./hm/ingest.key
          heartbeat_key: ./hm/heartbeat.key
        director:
          endpoint: https://127.0.0.1:25555/
          user: hm
          password: secret
          client_id: hm
          client_secret: secret
          director_ca_cert: ./ca.pem
        intervals: {poll_director: 5, agent_timeout: 7, rogue_agent_alert: 9, prune_events: 11, resurrection_config: 13, director_unreachable_alert: 17, analyze_agents: 3}
        plugins:
          - {name: logger, events: [alert]}
          - {name: event_logger, events: [alert]}
          - name: webhook
            events: [alert, heartbeat]
            options: {url: https://hooks.example/lazarus, attempts: 5, backoff: 2}
        """);
    assertThat(config.http()).isEqualTo(new HmConfig.Endpoint("127.0.0.2", 3000));
    assertThat(config.ingest().endpoint()).isEqualTo(new HmConfig.Endpoint("127.0.0.3", 3001));
    assertThat(config.ingest().heartbeatKey()).isEqualTo(dir.resolve("hm/heartbeat.key"));
    assertThat(config.director().endpoint()).hasToString("https://127.0.0.1:25555");
    assertThat(config.director().caCert()).contains(dir.resolve("ca.pem"));
    assertThat(config.intervals().agentTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(config.intervals().analyzeAgents()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.intervals().logStats()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.plugins()).extracting(PluginSpec::name).containsExactly("logger", "event_logger", "webhook");
    assertThat(config.plugins().get(2).events()).containsExactlyInAnyOrder(PluginSpec.Kind.ALERT, PluginSpec.Kind.HEARTBEAT);
    assertThat(config.plugins().get(2).options()).containsEntry("url", "https://hooks.example/lazarus");
    assertThat(config.plugins().get(2).optionsPath()).isEqualTo("plugins[2].options");
  }

  @Test
  void defaultsAreLazarusOnes() throws Exception {
    HmConfig config = load(INGEST);
    assertThat(config.http()).isEqualTo(new HmConfig.Endpoint("127.0.0.1", 25923));
    assertThat(config.ingest().endpoint()).isEqualTo(new HmConfig.Endpoint("127.0.0.1", 25924));
    assertThat(config.intervals()).isEqualTo(Intervals.DEFAULTS);
    assertThat(config.intervals().agentTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(config.plugins()).isEmpty();
  }

  @Test
  void unknownKeysNameFilePathAndLine() {
    assertThatThrownBy(() -> load(INGEST + "intervals:\n  agent_timout: 5\n"))
        .isInstanceOf(YamlException.class)
        .hasMessageContaining("hm.yml").hasMessageContaining("intervals.agent_timout").hasMessageContaining("4")
        .hasMessageContaining("unknown field");
    assertThatThrownBy(() -> load(INGEST + "htp: {port: 1}\n")).hasMessageContaining("'htp'");
    assertThatThrownBy(() -> load(INGEST.replace("password: secret", "password: secret, pasword: x"))).hasMessageContaining("director.pasword");
  }

  @Test
  void badValuesAreRefused() {
    assertThatThrownBy(() -> load(INGEST + "http: {port: 70000}\n")).hasMessageContaining("http.port").hasMessageContaining("between 0 and 65535");
    assertThatThrownBy(() -> load(INGEST + "intervals: {agent_timeout: soon}\n")).hasMessageContaining("intervals.agent_timeout").hasMessageContaining("integer");
    assertThatThrownBy(() -> load(INGEST + "intervals: {poll_director: 0}\n")).hasMessageContaining("intervals.poll_director");
    assertThatThrownBy(() -> load(INGEST.replace("https://127.0.0.1:25555", "ftp://x"))).hasMessageContaining("director.endpoint");
    assertThatThrownBy(() -> load(INGEST.replace(", user: hm, password: secret", ""))).hasMessageContaining("'user' and 'password'");
    assertThatThrownBy(() -> load(INGEST.replace("./hm/heartbeat.key", "./nope.key"))).hasMessageContaining("ingest.heartbeat_key").hasMessageContaining("nope.key");
    assertThatThrownBy(() -> load(INGEST.replace("ingest:", "ingestion:"))).hasMessageContaining("ingestion");
    assertThatThrownBy(() -> load("director: {endpoint: https://x, user: a, password: b}\n")).hasMessageContaining("missing required field 'ingest'");
  }

  @Test
  void unknownPluginNamesTheEntryAndTheKnownNames() {
    assertThatThrownBy(() -> load(INGEST + "plugins:\n  - {name: logger}\n  - {name: pagerduty}\n"))
        .hasMessageContaining("plugins[1].name").hasMessageContaining("unknown plugin 'pagerduty'")
        .hasMessageContaining("event_logger, logger").hasMessageContaining("webhook");
    assertThatThrownBy(() -> load(INGEST + "plugins:\n  - {name: logger, events: [alerts]}\n")).hasMessageContaining("plugins[0].events[0]");
    assertThatThrownBy(() -> load(INGEST + "plugins:\n  - {name: logger, option: {}}\n")).hasMessageContaining("plugins[0].option");
  }
}
