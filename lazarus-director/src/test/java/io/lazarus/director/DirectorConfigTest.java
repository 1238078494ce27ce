package io.lazarus.director;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.core.heartbeat.HeartbeatCredentials;
import io.lazarus.core.yaml.YamlException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorConfigTest {
  @TempDir Path dir;

  private DirectorConfig load(String yaml) throws Exception {
    return DirectorConfig.load(Files.writeString(dir.resolve("director.yml"), yaml));
  }

  private static final String USERS = "user_management:\n  local:\n    users:\n    - {name: admin, password: pw}\n";

  @Test
  void readsDefaultsAndResolvesTheStoreAgainstTheFile() throws Exception {
    DirectorConfig config = load("store: ./store\n" + USERS);
    assertThat(config.store()).isEqualTo(dir.resolve("store"));
    assertThat(config.port()).isEqualTo(25555);
    assertThat(config.address()).isEqualTo("127.0.0.1");
    assertThat(config.databaseConfig().isEmbedded()).isTrue();
    assertThat(config.userManagement().envCredentials()).contains(new DirectorConfig.Credentials("admin", "pw"));
    assertThat(config.maxUploadBytes()).isEqualTo(10L << 30);
  }

  @Test
  void mistakesNameTheFileFieldAndLine() {
    assertThatThrownBy(() -> load("store: s\nprot: 25555\n" + USERS)).isInstanceOf(YamlException.class).hasMessageContaining("director.yml: line 2: 'prot': unknown field 'prot'");
    assertThatThrownBy(() -> load("store: s\nport: 99999\n" + USERS)).hasMessageContaining("line 2: 'port': must be between 0 and 65535, got 99999");
    assertThatThrownBy(() -> load("port: 1\n" + USERS)).hasMessageContaining("missing required field 'store'");
    assertThatThrownBy(() -> load("store: s\n")).hasMessageContaining("missing required field 'user_management'");
    assertThatThrownBy(() -> load("store: s\nuser_management:\n  local:\n    users:\n    - {name: a}\n")).hasMessageContaining("line 5").hasMessageContaining("needs exactly one of 'password' or 'password_hash'");
    assertThatThrownBy(() -> load("store: s\nmax_upload_size: lots\n" + USERS)).hasMessageContaining("'max_upload_size': must be a size such as 512M or 10G, got 'lots'");
    assertThatThrownBy(() -> load("store: s\ndatabase: {url: 'mysql://x'}\n" + USERS)).hasMessageContaining("'database.url': must be a jdbc:postgresql: or jdbc:h2: URL");
    assertThatThrownBy(() -> load("store: s\ntls: {certificate: nope.pem, private_key: k, ca: c}\n" + USERS)).hasMessageContaining("'tls.certificate': file").hasMessageContaining("does not exist");
  }

  @Test
  void readOnlyUsersAndHashedPasswords() throws Exception {
    String hash = at.favre.lib.crypto.bcrypt.BCrypt.withDefaults().hashToString(4, "pw".toCharArray());
    DirectorConfig config = load("store: s\nmax_upload_size: 512M\nuser_management:\n  local:\n    users:\n    - {name: viewer, password_hash: '" + hash + "', scopes: [bosh.read]}\n");
    assertThat(config.userManagement().users()).singleElement().satisfies(user -> assertThat(user.admin()).isFalse());
    assertThat(config.userManagement().envCredentials()).isEmpty();
    assertThat(config.maxUploadBytes()).isEqualTo(512L << 20);
  }

  @Test
  void theCpiIsLocalUnlessChosen() throws Exception {
    Path program = Files.writeString(dir.resolve("my-cpi"), "#!/bin/sh\n");
    program.toFile().setExecutable(true);

    assertThat(load("store: s\n" + USERS).cpi()).isEqualTo(CpiChoice.LOCAL);
    assertThat(load("store: s\ncpi: {type: dummy}\n" + USERS).cpi().type()).isEqualTo("dummy");
    CpiChoice external = load("store: s\ncpi: {type: external, executable: my-cpi, properties: {root: /cloud}}\n" + USERS).cpi();
    assertThat(external.executable()).contains(program);
    assertThat(external.name()).isEmpty();
    assertThat(external.properties()).containsEntry("root", "/cloud");
  }

  @Test
  void cpiMistakesNameTheFieldAndLine() {
    assertThatThrownBy(() -> load("store: s\n" + USERS + "cpi: {type: cloudy}\n")).isInstanceOf(YamlException.class)
        .hasMessageContaining("director.yml: line 6: 'cpi.type': must be 'local', 'dummy' or 'external', got 'cloudy'");
    assertThatThrownBy(() -> load("store: s\ncpi:\n  type: external\n  executable: nope\n" + USERS))
        .hasMessageContaining("line 4: 'cpi.executable': file " + dir.resolve("nope") + " does not exist or is not executable");
    assertThatThrownBy(() -> load("store: s\ncpi:\n  type: external\n" + USERS)).hasMessageContaining("'cpi': missing required field 'executable'");
    assertThatThrownBy(() -> load("store: s\ncpi:\n  type: dummy\n  agents: 3\n" + USERS)).hasMessageContaining("line 4: 'cpi.agents': unknown field 'agents'");
    assertThatThrownBy(() -> load("store: s\ncpi: dummy\n" + USERS)).hasMessageContaining("line 2: 'cpi'");
  }

  @Test
  void theHealthMonitorSectionNamesItsFilesRelativeToTheConfig() throws Exception {
    HeartbeatCredentials.writeNewKey(dir.resolve("hm/heartbeat.key"));
    Files.writeString(dir.resolve("hm/ca.pem"), "PEM");

    assertThat(load("store: s\n" + USERS).healthMonitor()).isEmpty();
    HealthMonitorConfig hm = load("store: s\n" + USERS + HM + "  api_url: http://127.0.0.1:25923/\n").healthMonitor().orElseThrow();

    assertThat(hm.heartbeatUrl()).isEqualTo(URI.create("https://127.0.0.1:25924"));
    assertThat(hm.heartbeatKey()).isEqualTo(dir.resolve("hm/heartbeat.key"));
    assertThat(hm.heartbeatCa()).isEqualTo(dir.resolve("hm/ca.pem"));
    assertThat(hm.heartbeatIntervalSeconds()).isEqualTo(5);
    assertThat(hm.apiUrl()).contains(URI.create("http://127.0.0.1:25923"));
    assertThat(load("store: s\n" + USERS + HM + "  heartbeat_interval: 2\n").healthMonitor().orElseThrow().apiUrl()).isEmpty();
  }

  @Test
  void healthMonitorMistakesNameTheFieldAndLine() throws Exception {
    HeartbeatCredentials.writeNewKey(dir.resolve("hm/heartbeat.key"));
    Files.writeString(dir.resolve("hm/ca.pem"), "PEM");
    Files.writeString(dir.resolve("hm/short.key"), "abcd");

    assertThatThrownBy(() -> load("store: s\n" + USERS + HM + "  heartbeat_port: 1\n")).isInstanceOf(YamlException.class)
        .hasMessageContaining("director.yml: line 10: 'health_monitor.heartbeat_port': unknown field 'heartbeat_port'");
    assertThatThrownBy(() -> load("store: s\n" + USERS + HM.replace("https://127.0.0.1:25924", "127.0.0.1:25924")))
        .hasMessageContaining("line 7: 'health_monitor.heartbeat_url': must be an https URL with a host, got '127.0.0.1:25924'");
    assertThatThrownBy(() -> load("store: s\n" + USERS + HM.replace("hm/heartbeat.key", "hm/none.key")))
        .hasMessageContaining("line 8: 'health_monitor.heartbeat_key': file " + dir.resolve("hm/none.key") + " does not exist");
    assertThatThrownBy(() -> load("store: s\n" + USERS + HM.replace("hm/heartbeat.key", "hm/short.key")))
        .hasMessageContaining("'health_monitor.heartbeat_key': heartbeat key " + dir.resolve("hm/short.key"));
    assertThatThrownBy(() -> load("store: s\n" + USERS + HM.replace("hm/ca.pem", "hm/none.pem")))
        .hasMessageContaining("line 9: 'health_monitor.heartbeat_ca': file");
    assertThatThrownBy(() -> load("store: s\n" + USERS + HM + "  heartbeat_interval: 0\n"))
        .hasMessageContaining("line 10: 'health_monitor.heartbeat_interval': must be between 1 and 300 seconds, got 0");
    assertThatThrownBy(() -> load("store: s\n" + USERS + HM + "  api_url: ftp://hm\n"))
        .hasMessageContaining("line 10: 'health_monitor.api_url': must be an http or https URL with a host, got 'ftp://hm'");
    assertThatThrownBy(() -> load("store: s\n" + USERS + "health_monitor: {api_url: http://127.0.0.1:1}\n"))
        .hasMessageContaining("'health_monitor': missing required field 'heartbeat_url'");
  }

  private static final String HM = "health_monitor:\n  heartbeat_url: https://127.0.0.1:25924\n  heartbeat_key: hm/heartbeat.key\n  heartbeat_ca: hm/ca.pem\n";

  @Test
  void scanAndFixHealsStatefulNodesUnlessTurnedOff() throws Exception {
    assertThat(load("store: s\n" + USERS).scanAndFix().autoFixStatefulNodes()).isTrue();
    assertThat(load("store: s\nscan_and_fix: {auto_fix_stateful_nodes: false}\n" + USERS).scanAndFix().autoFixStatefulNodes()).isFalse();
    assertThatThrownBy(() -> load("store: s\nscan_and_fix: {auto_fix_stateful_nodes: 'no'}\n" + USERS)).hasMessageContaining("line 2: 'scan_and_fix.auto_fix_stateful_nodes': expected true or false");
    assertThatThrownBy(() -> load("store: s\nscan_and_fix: {stateful: false}\n" + USERS)).hasMessageContaining("line 2: 'scan_and_fix.stateful': unknown field 'stateful'");
  }
}
