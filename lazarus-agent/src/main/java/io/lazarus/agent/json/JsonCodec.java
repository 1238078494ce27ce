package io.lazarus.agent.json;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON text to trees and back with Jackson's streaming parser and generator only. Everything the agent reads and
 * writes (settings, envelopes, specs, heartbeats) is a tree, and building Jackson's object mapper for that would
 * load several hundred classes into every VM and cost a third of the agent's start-up. Thread-safe.
 */
public final class JsonCodec {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonCodec() {}

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /**
   * Parses one JSON document; null for empty input.
   *
   * @throws JacksonException when the text is not JSON, or has content after the document
   */
  public static JsonNode read(String text) {
    try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return null;
      }
      JsonNode root = value(parser, first);
      if (parser.nextToken() != null) {
        throw new StreamReadException(parser, "content after the end of the JSON document");
      }
      return root;
    }
  }

  public static JsonNode read(byte[] utf8) {
    return read(new String(utf8, StandardCharsets.UTF_8));
  }

  private static JsonNode value(JsonParser parser, JsonToken token) {
    return switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
          String name = parser.currentName();
          object.set(name, value(parser, parser.nextToken()));
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
          array.add(value(parser, next));
        }
        yield array;
      }
      case VALUE_STRING -> NODES.stringNode(parser.getString());
      case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
        case INT -> NODES.numberNode(parser.getIntValue());
        case LONG -> NODES.numberNode(parser.getLongValue());
        default -> NODES.numberNode(parser.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new StreamReadException(parser, "unexpected " + token);
    };
  }

  public static String write(JsonNode node) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      write(generator, node);
    }
    return out.toString();
  }

  public static byte[] writeBytes(JsonNode node) {
    return write(node).getBytes(StandardCharsets.UTF_8);
  }

  private static void write(JsonGenerator generator, JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      generator.writeNull();
    } else if (node.isObject()) {
      generator.writeStartObject();
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        generator.writeName(property.getKey());
        write(generator, property.getValue());
      }
      generator.writeEndObject();
    } else if (node.isArray()) {
      generator.writeStartArray();
      for (JsonNode item : node) {
        write(generator, item);
      }
      generator.writeEndArray();
    } else if (node.isString()) {
      generator.writeString(node.stringValue());
    } else if (node.isBoolean()) {
      generator.writeBoolean(node.booleanValue());
    } else if (node.isBigInteger()) {
      generator.writeNumber(node.bigIntegerValue());
    } else if (node.isIntegralNumber()) {
      generator.writeNumber(node.longValue());
    } else if (node.isBigDecimal()) {
      generator.writeNumber(node.decimalValue());
    } else if (node.isNumber()) {
      generator.writeNumber(node.doubleValue());
    } else {
      generator.writeString(node.asString());
    }
  }
}
