package io.lazarus.agent.json;

import io.lazarus.core.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the plain values RPC methods and heartbeats return (maps, lists, strings, numbers, booleans, trees) into
 * JSON trees directly. Jackson's general {@code valueToTree} would serialise and re-read them, pulling its
 * deserializer machinery (DOM and SQL handlers included) into every agent; anything else still goes through it.
 */
public final class JsonTrees {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {}

  public static JsonNode of(Object value) {
    return switch (value) {
      case null -> NODES.nullNode();
      case JsonNode node -> node;
      case String text -> NODES.stringNode(text);
      case Integer number -> NODES.numberNode(number);
      case Long number -> NODES.numberNode(number);
      case Double number -> NODES.numberNode(number);
      case Float number -> NODES.numberNode(number);
      case BigInteger number -> NODES.numberNode(number);
      case BigDecimal number -> NODES.numberNode(number);
      case Boolean bool -> NODES.booleanNode(bool);
      case Map<?, ?> map -> object(map);
      case Iterable<?> items -> array(items);
      default -> Json.mapper().valueToTree(value);
    };
  }

  private static ObjectNode object(Map<?, ?> map) {
    ObjectNode object = NODES.objectNode();
    map.forEach((key, item) -> object.set(String.valueOf(key), of(item)));
    return object;
  }

  private static ArrayNode array(Iterable<?> items) {
    ArrayNode array = NODES.arrayNode();
    items.forEach(item -> array.add(of(item)));
    return array;
  }
}
