package io.lazarus.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlDocumentTest {

  @Test
  void resolvesAliasesAndMergeKeysLikePsych() {
    YamlDocument doc = YamlDocument.parse("manifest.yml", "base: &base {vm_type: small, azs: [z1]}\nweb:\n  <<: *base\n  vm_type: large\nsame: *base\n");
    Map<String, Object> root = doc.rootMap();
    assertThat(root.get("web")).isEqualTo(Map.of("vm_type", "large", "azs", List.of("z1")));
    assertThat(root.get("same")).isEqualTo(Map.of("vm_type", "small", "azs", List.of("z1")));
  }

  @Test
  void remembersTheLineOfEveryPath() {
    YamlDocument doc = YamlDocument.parse("manifest.yml", "name: demo\ninstance_groups:\n- name: web\n  jobs:\n  - name: nginx\n    release: demo\n");
    assertThat(doc.lineOf("name")).isEqualTo(1);
    assertThat(doc.lineOf("instance_groups[0].name")).isEqualTo(3);
    assertThat(doc.lineOf("instance_groups[0].jobs[0].release")).isEqualTo(6);
    assertThat(doc.lineOf("instance_groups[0].jobs[0].missing")).isEqualTo(5);
    assertThat(doc.fail("instance_groups[0].jobs[0].release", "unknown release 'demo'").getMessage())
        .isEqualTo("manifest.yml: line 6: 'instance_groups[0].jobs[0].release': unknown release 'demo'");
  }

  @Test
  void malformedYamlNamesTheFileAndLine() {
    assertThatThrownBy(() -> YamlDocument.parse("cloud.yml", "azs:\n- name: z1\nnetworks: [\n  - a\n"))
        .isInstanceOf(YamlException.class)
        .hasMessageStartingWith("cloud.yml: line ")
        .hasMessageContaining("invalid YAML");
  }

  @Test
  void duplicateKeysAreAnError() {
    assertThatThrownBy(() -> YamlDocument.parse("director.yml", "port: 1\nport: 2\n"))
        .isInstanceOf(YamlException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("duplicate key port");
  }

  @Test
  void typedReadsNameThePathAndLine() {
    YamlDocument doc = YamlDocument.parse("d.yml", "port: eighty\nname: x\nextra: 1\n");
    Map<String, Object> root = doc.rootMap();
    assertThatThrownBy(() -> YamlValues.integer(doc, "port", root.get("port"))).hasMessage("d.yml: line 1: 'port': expected an integer, got a string");
    assertThatThrownBy(() -> YamlValues.onlyKeys(doc, "", root, java.util.Set.of("port", "name"))).hasMessage("d.yml: line 3: 'extra': unknown field 'extra' (allowed: name, port)");
    assertThatThrownBy(() -> YamlValues.requiredString(doc, "", root, "store")).hasMessage("d.yml: missing required field 'store'");
  }

  @Test
  void topLevelMustBeAMapping() {
    assertThatThrownBy(() -> YamlDocument.parse("x.yml", "- a\n").rootMap()).hasMessageContaining("expected a mapping at the top of the document, got a list");
    assertThat(YamlDocument.parse("x.yml", "").rootMap()).isEmpty();
  }

  @Test
  void keysPulledInByMergeKeysHaveTheLineWhereTheyAreWritten() {
    String text = "base: &base\n  vm_type: small\n  azs: [z1]\nweb:\n  <<: *base\n  vm_type: large\n";
    YamlDocument doc = YamlDocument.parse("manifest.yml", text);
    assertThat(doc.lineOf("web.vm_type")).isEqualTo(6);
    assertThat(doc.lineOf("web.azs")).isEqualTo(3);
    assertThat(doc.lineOf("web.azs[0]")).isEqualTo(3);
  }

  @Test
  void frozenCopiesAreDeepAndUnmodifiable() {
    Map<String, Object> root = YamlDocument.parse("x.yml", "a: {b: [1, {c: null}]}\n").rootMap();
    Map<String, Object> frozen = YamlValues.frozenMap(root);
    assertThat(frozen).isEqualTo(root);
    assertThatThrownBy(() -> frozen.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> inner = (List<Object>) ((Map<String, Object>) frozen.get("a")).get("b");
    assertThatThrownBy(() -> inner.add(2)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void mergeOfSeveralMappingsRecordsLinesOfEach() {
    String text = "a: &a {x: 1}\nb: &b\n  y: 2\nc:\n  <<: [*a, *b]\n  z: 3\n";
    YamlDocument doc = YamlDocument.parse("m.yml", text);
    assertThat(doc.lineOf("c.x")).isEqualTo(1);
    assertThat(doc.lineOf("c.y")).isEqualTo(3);
    assertThat(doc.lineOf("c.z")).isEqualTo(6);
  }

  @Test
  void numbersKeepTheTextTheyWereWrittenWith() {
    YamlDocument doc = YamlDocument.parse("m.yml", "v: 1.10\nw: \"1.10\"\nx: &n 007\ny: *n\n");
    Map<String, Object> root = doc.rootMap();
    assertThat(root.get("v")).isEqualTo(1.1);
    assertThat(YamlValues.text(doc, "v", root.get("v"))).isEqualTo("1.10");
    assertThat(YamlValues.text(doc, "w", root.get("w"))).isEqualTo("1.10");
    assertThat(doc.numberText("w")).isEmpty();
    assertThat(doc.numberText("y")).contains("007");
  }
}
