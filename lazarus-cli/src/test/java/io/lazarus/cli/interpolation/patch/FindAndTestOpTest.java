package io.lazarus.cli.interpolation.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.cli.interpolation.yaml.GoYaml;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindAndTestOpTest {
  private static final String DOC = "{a: {b: [1, {name: x, v: 2}]}, f: 1.10}";

  private static Object find(String path) {
    return new FindOp(Pointer.parse(path)).apply(GoYaml.load("doc", DOC));
  }

  private static Object test(String path, Object value, boolean absent) {
    return new TestOp(Pointer.parse(path), value, absent).apply(GoYaml.load("doc", DOC));
  }

  @Test
  void findsWithoutChangingAnything() {
    assertThat(find("/a/b/0")).isEqualTo(1);
    assertThat(find("/a/b/name=x/v")).isEqualTo(2);
    assertThat(find("/a/b/1:prev")).isEqualTo(1);
    assertThat(find("/a/missing?")).isNull();
    assertThat(find("/a/missing?/deeper")).isNull();
    assertThat(find("/a/b/name=y?")).isEqualTo(Map.of("name", "y"));
    assertThat(find("")).isEqualTo(GoYaml.load("doc", DOC));
  }

  @Test
  void findFailsAsGoPatchDoes() {
    assertThatThrownBy(() -> find("/a/b/-")).hasMessage("Expected not to find after last index token in path '/a/b/-' (not supported in find operations)");
    assertThatThrownBy(() -> find("/a/c")).hasMessage("Expected to find a map key 'c' for path '/a/c' (found map keys: 'b')");
    assertThatThrownBy(() -> find("/a/x?/0")).hasMessage("Expected to find key or matching index token at path '/a/x?/0'");
  }

  @Test
  void testComparesValuesAsGoDoes() {
    assertThat(test("/a/b/0", 1, false)).isNotNull();
    assertThat(test("/a/b/1", Map.of("name", "x", "v", 2), false)).isNotNull();
    assertThat(test("/f", new BigDecimal("1.1"), false)).isNotNull();
    assertThatThrownBy(() -> test("/a/b/0", "1", false)).hasMessage("Found value does not match expected value");
    assertThatThrownBy(() -> test("/a/b/0", List.of(1), false)).hasMessage("Found value does not match expected value");
  }

  @Test
  void testAbsentPassesOnlyWhenTheLastStepIsMissing() {
    assertThat(test("/a/c", null, true)).isNotNull();
    assertThat(test("/a/b/5", null, true)).isNotNull();
    assertThatThrownBy(() -> test("/a/b", null, true)).hasMessage("Expected to not find '/a/b'");
    assertThatThrownBy(() -> test("/z/c", null, true)).hasMessage("Expected to find a map key 'z' for path '/z' (found map keys: 'a', 'f')");
  }
}
