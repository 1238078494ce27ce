package io.lazarus.cpi.dummy;

import io.lazarus.core.json.Json;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One request of BOSH's agent protocol, {@code {"protocol": 3, "method", "arguments", "reply_to"}}, and the two
 * reply shapes, {@code {"value": ...}} and {@code {"exception": {"message": ...}}}.
 */
record Envelope(String method, ArrayNode arguments) {

  /** Parses a request body, refusing what the real agent refuses with the same {@code malformed message} words. */
  static Envelope parse(String body) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(body);
    } catch (JacksonException e) {
      throw new AgentFailure("malformed message: not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new AgentFailure("malformed message: expected a JSON object with 'method' and 'arguments'");
    }
    JsonNode method = root.path("method");
    if (!method.isString() || method.stringValue().isBlank()) {
      throw new AgentFailure("malformed message: 'method' is missing or not a string");
    }
    JsonNode arguments = root.path("arguments");
    if (arguments.isMissingNode() || arguments.isNull()) {
      return new Envelope(method.stringValue(), Json.mapper().createArrayNode());
    }
    if (!arguments.isArray()) {
      throw new AgentFailure("malformed message: 'arguments' of " + method.stringValue() + " must be a list");
    }
    return new Envelope(method.stringValue(), (ArrayNode) arguments);
  }

  /** The argument at {@code index}, or a missing node. */
  JsonNode argument(int index) {
    return arguments.path(index);
  }

  /** A string argument the method cannot do without. */
  String requiredString(int index, String what) {
    JsonNode value = argument(index);
    if (!value.isString() || value.stringValue().isBlank()) {
      throw new AgentFailure(method + ": argument " + (index + 1) + " (" + what + ") must be a non-empty string");
    }
    return value.stringValue();
  }

  static String value(Object value) {
    ObjectNode reply = Json.mapper().createObjectNode();
    reply.set("value", Json.mapper().valueToTree(value));
    return Json.write(reply);
  }

  static String exception(String message) {
    return Json.write(Map.of("exception", Map.of("message", message)));
  }
}
