package io.lazarus.agent.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.core.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

class JsonCodecTest {
  static final String DOCUMENT = """
      {"s":"a \\"quoted\\" é","i":3,"l":12345678901,"big":123456789012345678901234567890,"d":1.5,
       "t":true,"f":false,"n":null,"a":[1,"two",{"x":[]}],"o":{}}""";

  @Test
  void readsWhatJacksonsMapperReadsAndWritesItBackTheSame() {
    JsonNode ours = JsonCodec.read(DOCUMENT);

    assertThat(ours).isEqualTo(Json.mapper().readTree(DOCUMENT));
    assertThat(JsonCodec.read(JsonCodec.write(ours))).isEqualTo(ours);
    assertThat(ours.path("l").asLong()).isEqualTo(12345678901L);
    assertThat(ours.path("s").stringValue()).isEqualTo("a \"quoted\" é");
  }

  @Test
  void emptyInputIsNoDocumentAndGarbageIsAnError() {
    assertThat(JsonCodec.read("  ")).isNull();
    assertThatThrownBy(() -> JsonCodec.read("{\"a\":")).isInstanceOf(JacksonException.class);
    assertThatThrownBy(() -> JsonCodec.read("{} {}")).isInstanceOf(JacksonException.class).hasMessageContaining("content after the end");
  }

  @Test
  void buildsTreesFromPlainValues() {
    JsonNode tree = JsonTrees.of(Map.of("list", List.of(1, 2L, "x"), "flag", true, "none", Map.of()));
    assertThat(JsonCodec.write(tree)).contains("\"list\":[1,2,\"x\"]").contains("\"flag\":true").contains("\"none\":{}");
  }
}
