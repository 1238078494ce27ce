package io.lazarus.cli.interpolation.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.cli.interpolation.yaml.GoYaml;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpDefinitionsTest {
  private static Ops parse(String yaml) {
    return OpDefinitions.parse(GoYaml.load("ops.yml", yaml), "ops.yml");
  }

  @Test
  void appliesTheOperationsInOrder() {
    Ops ops = parse("""
        - type: replace
          path: /name
          value: other
        - type: test
          path: /name
          value: other
        - type: remove
          path: /drop
        - type: test
          path: /drop
          absent: true
        """);
    assertThat(ops.apply(GoYaml.load("base.yml", "{name: mine, drop: 1}"))).isEqualTo(Map.of("name", "other"));
    assertThat(parse("").ops()).isEmpty();
  }

  @Test
  void aFailingOperationIsNamedByIndexAndFile() {
    Ops ops = parse("""
        - type: replace
          path: /a/b
          value: 1
        - type: replace
          path: /a/x/y
          value: 1
        """);
    assertThatThrownBy(() -> ops.apply(GoYaml.load("base.yml", "{a: {b: 0}}")))
        .hasMessage("Error 'operation [1] in ops.yml failed': Expected to find a map key 'x' for path '/a/x' (found map keys: 'b')");
  }

  @Test
  void definitionsThatCannotBeBuiltFailWithGoPatchMessages() {
    assertThatThrownBy(() -> parse("- {type: replace, path: /a}")).hasMessage("""
        Replace operation [0]: Missing value within
        {
          "Type": "replace",
          "Path": "/a",
          "Error": "operation [0] in ops.yml failed"
        }""");
    assertThatThrownBy(() -> parse("- {type: remove, path: /a, value: 1}")).hasMessage("""
        Remove operation [0]: Cannot specify value within
        {
          "Type": "remove",
          "Path": "/a",
          "Value": "<redacted>",
          "Error": "operation [0] in ops.yml failed"
        }""");
    assertThatThrownBy(() -> parse("- {type: test, path: /a}")).hasMessageStartingWith("Test operation [0]: Missing value or absent within");
    assertThatThrownBy(() -> parse("- {type: replace, path: a, value: 1}")).hasMessageStartingWith("Replace operation [0]: Invalid path: Expected to start with '/' within");
    assertThatThrownBy(() -> parse("- {type: replace, value: 1}")).hasMessageStartingWith("Replace operation [0]: Missing path within");
    assertThatThrownBy(() -> parse("- {type: repalce, path: /a}")).hasMessage("""
        Unknown operation [0] with type 'repalce' within
        {
          "Type": "repalce",
          "Path": "/a",
          "Error": "operation [0] in ops.yml failed"
        }""");
  }

  @Test
  void anOpsFileOfTheWrongShapeIsNamed() {
    assertThatThrownBy(() -> parse("type: replace")).hasMessage("Expected ops.yml to be a list of operations, found 'map[interface {}]interface {}'");
    assertThatThrownBy(() -> parse("- just text")).hasMessage("Expected operation [0] in ops.yml to be a map, found 'string'");
    assertThatThrownBy(() -> parse("- {type: replace, path: [a], value: 1}"))
        .hasMessage("Expected operation [0] in ops.yml field 'path' to be a string, found '[]interface {}'");
  }
}
