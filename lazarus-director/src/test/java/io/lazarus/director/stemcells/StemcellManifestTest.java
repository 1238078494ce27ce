package io.lazarus.director.stemcells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.core.yaml.YamlDocument;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StemcellManifestTest {
  private static StemcellManifest parse(String text) {
    return StemcellManifest.parse(YamlDocument.parse(StemcellManifest.FILE, text));
  }

  @Test
  void readsTheManifest() {
    StemcellManifest manifest = parse("name: bosh-local\nversion: 1.5\noperating_system: ubuntu-jammy\napi_version: 3\nsha1: sha256:00ff\ncloud_properties: {a: 1}\n");
    assertThat(manifest).isEqualTo(new StemcellManifest("bosh-local", "1.5", "ubuntu-jammy", 3, java.util.Optional.of("sha256:00ff"), Map.of("a", 1)));
  }

  @Test
  void theOperatingSystemDefaultsToTheNameAndTheDigestIsOptional() {
    StemcellManifest manifest = parse("name: bosh-local\nversion: '7'\n");
    assertThat(manifest.operatingSystem()).isEqualTo("bosh-local");
    assertThat(manifest.sha1()).isEmpty();
    assertThat(manifest.apiVersion()).isNull();
  }

  @Test
  void errorsNameTheFieldAndLine() {
    assertThatThrownBy(() -> parse("version: 1\n")).hasMessage("stemcell.MF: missing required field 'name'");
    assertThatThrownBy(() -> parse("name: a\nversion: 1\ncloud_properties: [x]\n")).hasMessage("stemcell.MF: line 3: 'cloud_properties': expected a mapping, got a list");
    assertThatThrownBy(() -> parse("name: a\nversion: 1\nsha1: 'not hex!'\n")).hasMessageContaining("line 3").hasMessageContaining("is not hexadecimal");
    assertThatThrownBy(() -> parse("name: a\nversion: 1\napi_version: many\n")).hasMessageContaining("'api_version': expected an integer");
  }
}
