package io.lazarus.cli.interpolation.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.cli.interpolation.yaml.GoYaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replace examples of bosh.io's ops-file page, and go-patch's errors. */
class ReplaceOpTest {
  private static final String BASE = """
      key: 1
      key2:
        nested:
          super_nested: 2
        other: 3
      array: [4, 5, 6]
      items:
      - name: item7
      - name: item8
      - name: item8
      """;

  private static Object replace(String path, Object value) {
    return new ReplaceOp(Pointer.parse(path), value).apply(GoYaml.load("base.yml", BASE));
  }

  private static Object at(Object document, String path) {
    return new FindOp(Pointer.parse(path)).apply(document);
  }

  @Test
  void setsAKey() {
    assertThat(at(replace("/key", 10), "/key")).isEqualTo(10);
  }

  @Test
  void aMissingKeyIsAnErrorUnlessOptional() {
    assertThatThrownBy(() -> replace("/key_not_there", 10))
        .isInstanceOf(MissingMapKeyException.class)
        .hasMessage("Expected to find a map key 'key_not_there' for path '/key_not_there' (found map keys: 'array', 'items', 'key', 'key2')");
    assertThat(at(replace("/new_key?", 10), "/new_key")).isEqualTo(10);
  }

  @Test
  void optionalityCreatesNestedMaps() {
    Object document = replace("/key2/nested?/another_nested/super_nested", 10);
    assertThat(at(document, "/key2/nested")).isEqualTo(Map.of("super_nested", 2, "another_nested", Map.of("super_nested", 10)));
  }

  @Test
  void replacesAppendsAndInsertsInArrays() {
    assertThat(at(replace("/array/0", 10), "/array")).isEqualTo(List.of(10, 5, 6));
    assertThat(at(replace("/array/-1", 10), "/array")).isEqualTo(List.of(4, 5, 10));
    assertThat(at(replace("/array/-", 10), "/array")).isEqualTo(List.of(4, 5, 6, 10));
    assertThat(at(replace("/array2?/-", 10), "/array2")).isEqualTo(List.of(10));
    assertThat(at(replace("/array/1:prev", 10), "/array")).isEqualTo(List.of(10, 5, 6));
    assertThat(at(replace("/array/0:next", 10), "/array")).isEqualTo(List.of(4, 10, 6));
    assertThat(at(replace("/array/0:after", 10), "/array")).isEqualTo(List.of(4, 10, 5, 6));
    assertThat(at(replace("/array/0:before", 10), "/array")).isEqualTo(List.of(10, 4, 5, 6));
    assertThat(at(replace("/array/2:after", 10), "/array")).isEqualTo(List.of(4, 5, 6, 10));
  }

  @Test
  void matchesOneMapInAnArray() {
    assertThat(at(replace("/items/name=item7/count?", 10), "/items/0")).isEqualTo(Map.of("name", "item7", "count", 10));
    assertThatThrownBy(() -> replace("/items/name=item7/count", 10))
        .hasMessage("Expected to find a map key 'count' for path '/items/name=item7/count' (found map keys: 'name')");
    assertThat(at(replace("/items/name=item7:before", Map.of("name", "item6")), "/items/0")).isEqualTo(Map.of("name", "item6"));
    assertThat(at(replace("/items/name=item9?/count", 10), "/items/3")).isEqualTo(Map.of("name", "item9", "count", 10));
    assertThat((List<?>) at(replace("/items/name=item9?", Map.of("name", "item9")), "/items")).hasSize(4);
    assertThatThrownBy(() -> replace("/items/name=item8/count", 10))
        .hasMessage("Expected to find exactly one matching array item for path '/items/name=item8' but found 2");
    assertThatThrownBy(() -> replace("/items/name=item5/count", 10))
        .hasMessage("Expected to find exactly one matching array item for path '/items/name=item5' but found 0");
  }

  @Test
  void theRootIsReplacedByACopy() {
    Map<String, Object> value = Map.of("a", List.of(1));
    Object document = new ReplaceOp(Pointer.parse(""), value).apply(GoYaml.load("base.yml", BASE));
    assertThat(document).isEqualTo(value).isNotSameAs(value);
  }

  @Test
  void eachApplicationPutsItsOwnCopy() {
    ReplaceOp op = new ReplaceOp(Pointer.parse("/array/-"), GoYaml.load("value", "{x: 1}"));
    Object document = op.apply(GoYaml.load("base.yml", BASE));
    new ReplaceOp(Pointer.parse("/array/3/x"), 2).apply(document);
    assertThat(op.value()).isEqualTo(Map.of("x", 1));
  }

  @Test
  void wrongShapesAndIndexesFailNamingThePath() {
    assertThatThrownBy(() -> replace("/key/x", 1)).hasMessage("Expected to find a map at path '/key/x' but found 'int'");
    assertThatThrownBy(() -> replace("/key2/0", 1)).hasMessage("Expected to find an array at path '/key2/0' but found 'map[interface {}]interface {}'");
    assertThatThrownBy(() -> replace("/array/3", 1))
        .isInstanceOf(MissingIndexException.class)
        .hasMessage("Expected to find array index '3' but found array of length '3' for path '/array/3'");
    assertThatThrownBy(() -> replace("/array/-4/x", 1)).hasMessage("Expected to find array index '-4' but found array of length '3' for path '/array/-4'");
    assertThatThrownBy(() -> replace("/array/0:before:after", 1))
        .hasMessage("Expected to not find any modifiers after 'before' modifier, but found modifier 'patch.AfterModifier'");
    assertThatThrownBy(() -> new ReplaceOp(Pointer.of(List.of(new Token.Root(), new Token.AfterLastIndex(), new Token.Key("x", false))), 1)
        .apply(GoYaml.load("a", "[]"))).hasMessage("Expected after last index token to be last in path '/-/x'");
    assertThatThrownBy(() -> replace("/new?/0", 1)).hasMessage("Expected to find key, matching index or after last index token at path '/new?/0'");
  }
}
