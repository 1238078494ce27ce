package io.lazarus.director.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.core.yaml.YamlException;
import io.lazarus.director.configs.Config;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CpiConfigTest {

  private static CpiConfig parse(String yaml) {
    return CpiConfig.parse(YamlDocument.parse("cpi config 'default'", yaml));
  }

  private static void refused(String yaml, String message) {
    assertThatThrownBy(() -> parse(yaml)).isInstanceOf(YamlException.class).hasMessage(message);
  }

  @Test
  void readsEveryTypeWithItsFields() {
    CpiConfig config = parse("""
        cpis:
        - {name: here, type: local}
        - {name: sim, type: dummy}
        - name: vsphere-dc1
          type: external
          exec_path: /var/vcap/jobs/vsphere_cpi/bin/../bin/cpi
          properties: {host: vc.example.com}
        """);

    assertThat(config.names()).containsExactly("here", "sim", "vsphere-dc1");
    assertThat(config.find("here")).contains(new CpiDefinition("here", "local", Optional.empty(), Map.of()));
    assertThat(config.find("vsphere-dc1")).contains(
        new CpiDefinition("vsphere-dc1", "external", Optional.of(Path.of("/var/vcap/jobs/vsphere_cpi/bin/cpi")), Map.of("host", "vc.example.com")));
    assertThat(config.find("nowhere")).isEmpty();
  }

  @Test
  void refusesWhatCannotBeACpiNamingTheEntryAndField() {
    refused("cpis:\n- {name: a, type: dummy}\n- {name: b, type: cloudy}\n",
        "cpi config 'default': line 3: 'cpis[1].type': cpi 'b': type must be 'local', 'dummy' or 'external', got 'cloudy'");
    refused("cpis:\n- {name: a, type: dummy}\n- {name: a, type: local}\n",
        "cpi config 'default': line 3: 'cpis[1].name': cpi 'a' is defined twice (also cpis[0])");
    refused("cpis:\n- {type: dummy}\n", "cpi config 'default': line 2: 'cpis[0]': missing required field 'name'");
    refused("cpis:\n- {name: x, type: external}\n", "cpi config 'default': line 2: 'cpis[0]': cpi 'x': missing required field 'exec_path' (an external CPI's program)");
    refused("cpis:\n- {name: x, type: external, exec_path: bin/cpi}\n",
        "cpi config 'default': line 2: 'cpis[0].exec_path': cpi 'x': 'bin/cpi' must be an absolute path on the Director's machine");
    refused("cpis:\n- {name: x, type: dummy, exec_path: /bin/true}\n",
        "cpi config 'default': line 2: 'cpis[0].exec_path': cpi 'x': 'exec_path' is only for type 'external' (this one is 'dummy')");
    refused("cpis:\n- {name: ../up, type: local}\n",
        "cpi config 'default': line 2: 'cpis[0].name': cpi '../up': a local CPI keeps its VMs under <store>/local-clouds/<name>, so its name may only hold letters, digits, '.', '_' and '-' (not first)");
    refused("cpis:\n- {name: x, type: dummy, migrated_from: [{name: y}]}\n",
        "cpi config 'default': line 2: 'cpis[0].migrated_from': unknown field 'migrated_from' (allowed: exec_path, name, properties, type)");
    refused("cpis:\n- {name: x, type: external, exec_path: /bin/true, properties: [1]}\n",
        "cpi config 'default': line 2: 'cpis[0].properties': expected a mapping, got a list");
    refused("azs: []\n", "cpi config 'default': line 1: 'azs': unknown field 'azs' (allowed: cpis)");
    refused("{}\n", "cpi config 'default': missing required field 'cpis'");
  }

  @Test
  void storedConfigsMergeInOrderAndTheFirstDefinitionOfANameWins() {
    Config first = new Config(1, "cpi", "default", "cpis: [{name: a, type: dummy}, {name: b, type: dummy}]\n", null, 0);
    Config second = new Config(2, "cpi", "more", "cpis: [{name: b, type: local}, {name: c, type: local}]\n", null, 0);

    CpiConfig merged = CpiConfig.merge(List.of(first, second));

    assertThat(merged.names()).containsExactly("a", "b", "c");
    assertThat(merged.find("b").orElseThrow().type()).isEqualTo("dummy");
    assertThat(CpiConfig.merge(List.of()).cpis()).isEmpty();
  }
}
