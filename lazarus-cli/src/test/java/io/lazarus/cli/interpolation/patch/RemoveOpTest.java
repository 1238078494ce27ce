package io.lazarus.cli.interpolation.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.cli.interpolation.yaml.GoYaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoveOpTest {
  private static Object remove(String path, String yaml) {
    return new RemoveOp(Pointer.parse(path)).apply(GoYaml.load("base.yml", yaml));
  }

  @Test
  void removesKeysIndexesAndMatches() {
    assertThat(remove("/key", "{key: 1, other: 2}")).isEqualTo(Map.of("other", 2));
    assertThat(remove("/a/b", "{a: {b: 1, c: 2}}")).isEqualTo(Map.of("a", Map.of("c", 2)));
    assertThat(remove("/array/0", "{array: [4, 5, 6]}")).isEqualTo(Map.of("array", List.of(5, 6)));
    assertThat(remove("/array/-1", "{array: [4, 5, 6]}")).isEqualTo(Map.of("array", List.of(4, 5)));
    assertThat(remove("/array/0:next", "{array: [4, 5, 6]}")).isEqualTo(Map.of("array", List.of(4, 6)));
    assertThat(remove("/items/name=b", "{items: [{name: a}, {name: b}]}")).isEqualTo(Map.of("items", List.of(Map.of("name", "a"))));
    assertThat(remove("/items/name=b/x", "{items: [{name: b, x: 1}]}")).isEqualTo(Map.of("items", List.of(Map.of("name", "b"))));
  }

  @Test
  void missingOptionalTargetsLeaveTheDocumentAlone() {
    assertThat(remove("/nope?", "{key: 1}")).isEqualTo(Map.of("key", 1));
    assertThat(remove("/a?/b/c", "{key: 1}")).isEqualTo(Map.of("key", 1));
    assertThat(remove("/items/name=z?", "{items: [{name: a}]}")).isEqualTo(Map.of("items", List.of(Map.of("name", "a"))));
  }

  @Test
  void failsAsGoPatchDoes() {
    assertThatThrownBy(() -> remove("", "{}")).hasMessage("Cannot remove entire document");
    assertThatThrownBy(() -> remove("/key_not_there", "{key: 1}"))
        .hasMessage("Expected to find a map key 'key_not_there' for path '/key_not_there' (found map keys: 'key')");
    assertThatThrownBy(() -> remove("/a/x", "{a: {}}")).hasMessage("Expected to find a map key 'x' for path '/a/x' (found no other map keys)");
    assertThatThrownBy(() -> remove("/array/-", "{array: []}")).hasMessage("Expected to not find token 'patch.AfterLastIndexToken' at path '/array/-'");
    assertThatThrownBy(() -> remove("/array/5", "{array: [1]}")).hasMessage("Expected to find array index '5' but found array of length '1' for path '/array/5'");
    assertThatThrownBy(() -> remove("/array/0:before", "{array: [1]}"))
        .hasMessage("Expected to find one of the following modifiers: 'prev', 'next', but found modifier 'patch.BeforeModifier'");
    assertThatThrownBy(() -> remove("/items/name=a", "{items: [{name: a}, {name: a}]}"))
        .hasMessage("Expected to find exactly one matching array item for path '/items/name=a' but found 2");
  }
}
