package io.lazarus.director;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.core.yaml.YamlDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevSetupTest {
  @TempDir Path store;

  @Test
  void writesTheHealthMonitorsMaterialOnceAndKeepsIt() throws Exception {
    DirectorConfig first = DirectorConfig.load(DevSetup.writeDevConfig(store, "127.0.0.1", 25555));
    Path hm = store.resolve("hm");
    String key = Files.readString(hm.resolve("heartbeat.key"));
    String ingestCa = Files.readString(hm.resolve("ingest/ca.pem"));
    String hmYaml = Files.readString(DevSetup.hmConfig(store));

    DirectorConfig second = DirectorConfig.load(DevSetup.writeDevConfig(store, "127.0.0.1", 25555));

    assertThat(DevSetup.hmConfig(store)).isEqualTo(hm.resolve("hm.yml"));
    assertThat(key.trim()).matches("[0-9a-f]{64}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(hm.resolve("heartbeat.key")))).isEqualTo("rw-------");
    assertThat(Files.readString(hm.resolve("heartbeat.key"))).isEqualTo(key);
    assertThat(Files.readString(hm.resolve("ingest/ca.pem"))).isEqualTo(ingestCa);
    assertThat(Files.readString(DevSetup.hmConfig(store))).isEqualTo(hmYaml);
    assertThat(second.userManagement().envCredentials()).isEqualTo(first.userManagement().envCredentials());
    assertThat(second.userManagement().users()).extracting(user -> user.name() + ":" + user.admin()).containsExactly("admin:true", "hm:true");
    assertThat(second.userManagement().envCredentials().orElseThrow().client()).isEqualTo("admin");

    HealthMonitorConfig section = second.healthMonitor().orElseThrow();
    assertThat(section.heartbeatUrl()).hasToString("https://127.0.0.1:25924");
    assertThat(section.apiUrl().orElseThrow()).hasToString("http://127.0.0.1:25923");
    assertThat(section.heartbeatKey()).isEqualTo(hm.resolve("heartbeat.key"));
    assertThat(section.heartbeatCa()).isEqualTo(hm.resolve("ingest/ca.pem"));

    Map<String, Object> hmConfig = YamlDocument.parse("hm.yml", hmYaml).rootMap();
    assertThat(hmConfig.get("http")).isEqualTo(Map.of("address", "127.0.0.1", "port", 25923));
    assertThat(hmConfig.get("ingest")).isEqualTo(Map.of("address", "127.0.0.1", "port", 25924,
        "certificate", hm.resolve("ingest/server.pem").toString(), "private_key", hm.resolve("ingest/server.key").toString(),
        "heartbeat_key", hm.resolve("heartbeat.key").toString()));
    Map<?, ?> director = (Map<?, ?>) hmConfig.get("director");
    assertThat(director.get("endpoint")).isEqualTo("https://127.0.0.1:25555");
    assertThat(director.get("user")).isEqualTo("hm");
    assertThat(second.userManagement().users().get(1).passwordMatches(String.valueOf(director.get("password")))).isTrue();
    assertThat(director.get("director_ca_cert")).isEqualTo(store.resolve("director/tls/ca.pem").toString());
    assertThat(((List<?>) hmConfig.get("plugins")).stream().map(plugin -> (Object) ((Map<?, ?>) plugin).get("name")).toList()).containsExactly("logger", "event_logger", "resurrector");
  }

  @Test
  void anotherDirectorPortMovesTheHealthMonitorsPorts() throws Exception {
    DirectorConfig config = DirectorConfig.load(DevSetup.writeDevConfig(store, "127.0.0.1", 26000));

    assertThat(config.healthMonitor().orElseThrow().heartbeatUrl()).hasToString("https://127.0.0.1:26369");
    assertThat(config.healthMonitor().orElseThrow().apiUrl().orElseThrow()).hasToString("http://127.0.0.1:26368");
    assertThat(Files.readString(DevSetup.hmConfig(store))).contains("http: {address: 127.0.0.1, port: 26368}", "port: 26369", "endpoint: https://127.0.0.1:26000");
  }

  @Test
  void aDirectorOnAnyFreePortGetsAHealthMonitorOnFreePortsToo() throws Exception {
    HealthMonitorConfig section = DirectorConfig.load(DevSetup.writeDevConfig(store, "127.0.0.1", 0)).healthMonitor().orElseThrow();

    assertThat(section.heartbeatUrl().getPort()).isPositive().isNotEqualTo(25924);
    assertThat(section.apiUrl().orElseThrow().getPort()).isPositive().isNotEqualTo(25923);
  }
}
