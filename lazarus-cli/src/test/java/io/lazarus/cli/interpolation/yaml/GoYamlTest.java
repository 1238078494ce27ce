package io.lazarus.cli.interpolation.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.core.yaml.YamlException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoYamlTest {
  @Test
  void readsScalarsAsGoYamlDoes() {
    Object loaded = GoYaml.load("m.yml", """
        int: 010
        hex: 0x1F
        big: 123456789012
        float: 1.10
        flag: yes
        date: 2026-01-01
        time: 1:30
        none: ~
        text: "10"
        """);
    assertThat(loaded).isEqualTo(orderedMap("int", 8, "hex", 31, "big", 123456789012L, "float", new BigDecimal("1.10"),
        "flag", true, "date", "2026-01-01", "time", "1:30", "none", null, "text", "10"));
  }

  @Test
  void aliasesAndMergeKeysAreResolvedAndNotShared() {
    @SuppressWarnings("unchecked")
    Map<String, Object> loaded = (Map<String, Object>) GoYaml.load("m.yml", """
        base: &base {vm_type: small, azs: [z1]}
        web: {<<: *base, vm_type: large}
        db: *base
        """);
    assertThat(loaded.get("web")).isEqualTo(Map.of("vm_type", "large", "azs", List.of("z1")));
    assertThat(loaded.get("db")).isEqualTo(loaded.get("base")).isNotSameAs(loaded.get("base"));
    assertThat(GoYaml.dump(loaded)).doesNotContain("&").doesNotContain("*");
  }

  @Test
  void writesKeysInGoOrderAndBlocksForMultiLineText() {
    Object tree = GoYaml.load("m.yml", """
        variables: []
        name: demo
        z10: 1
        z2: 2
        a_b: 3
        ab: 4
        cert: "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n"
        instance_groups:
        - {name: web, instances: 1}
        """);
    assertThat(GoYaml.dump(tree)).isEqualTo("""
        a_b: 3
        ab: 4
        cert: |
          -----BEGIN CERTIFICATE-----
          MIIB
          -----END CERTIFICATE-----
        instance_groups:
        - instances: 1
          name: web
        name: demo
        variables: []
        z2: 2
        z10: 1
        """);
  }

  @Test
  void whatIsWrittenReadsBackTheSameForTheDirector() {
    Object tree = GoYaml.load("m.yml", """
        version: 1.10
        at: 2026-01-01
        time: 1:30
        answer: "yes"
        ratio: 1e3
        long_text: %s
        """.formatted("x".repeat(300)));
    String written = GoYaml.dump(tree);
    assertThat(written).contains("version: 1.10\n").contains("ratio: 1E+3\n");
    assertThat(GoYaml.same(GoYaml.load("again", written), tree)).isTrue();
    Map<String, Object> director = YamlDocument.parse("director", written).rootMap();
    assertThat(director.get("at")).isEqualTo("2026-01-01");
    assertThat(director.get("time")).isEqualTo("1:30");
    assertThat(director.get("answer")).isEqualTo("yes");
    assertThat(written).doesNotContain("\n  x");
  }

  @Test
  void sameComparesNumbersAsGoDoes() {
    assertThat(GoYaml.same(new BigDecimal("1.10"), new BigDecimal("1.1"))).isTrue();
    assertThat(GoYaml.same(1, 1L)).isTrue();
    assertThat(GoYaml.same(1, new BigDecimal("1.0"))).isFalse();
    assertThat(GoYaml.same(Map.of("a", List.of(1)), GoYaml.load("x", "{a: [1]}"))).isTrue();
    assertThat(GoYaml.same(Map.of("a", 1), Map.of("b", 1))).isFalse();
  }

  @Test
  void badYamlNamesTheSourceAndLine() {
    assertThatThrownBy(() -> GoYaml.load("m.yml", "a: 1\nb: [\n"))
        .isInstanceOf(YamlException.class).hasMessageStartingWith("m.yml: line 3: invalid YAML");
    assertThatThrownBy(() -> GoYaml.load("m.yml", "a: 1\na: 2\n"))
        .isInstanceOf(YamlException.class).hasMessageContaining("m.yml: line 2").hasMessageContaining("duplicate key a");
  }

  @Test
  void describesValuesAsGo() {
    assertThat(GoValues.typeName(List.of())).isEqualTo("[]interface {}");
    assertThat(GoValues.typeName(null)).isEqualTo("<nil>");
    assertThat(GoValues.format(new BigDecimal("2.7170"))).isEqualTo("2.717");
    assertThat(GoValues.format(GoYaml.load("x", "{b: [1, x], a: true}"))).isEqualTo("map[a:true b:[1 x]]");
  }

  private static Map<Object, Object> orderedMap(Object... keysAndValues) {
    Map<Object, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
