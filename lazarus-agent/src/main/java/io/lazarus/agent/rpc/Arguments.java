package io.lazarus.agent.rpc;

import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** The {@code arguments} list of one request, with reads that fail naming the method and argument. */
public record Arguments(String method, ArrayNode values) {

  public int size() {
    return values.size();
  }

  /** Argument {@code index} (0-based), or a missing node when absent. */
  public JsonNode node(int index) {
    return values.path(index);
  }

  public JsonNode requiredObject(int index, String name) {
    JsonNode value = node(index);
    if (!value.isObject()) {
      throw invalid(index, name, "must be an object");
    }
    return value;
  }

  public String requiredString(int index, String name) {
    return optionalString(index, name).filter(s -> !s.isEmpty()).orElseThrow(() -> invalid(index, name, "is missing"));
  }

  public Optional<String> optionalString(int index, String name) {
    JsonNode value = node(index);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isString()) {
      throw invalid(index, name, "must be a string");
    }
    return Optional.of(value.stringValue());
  }

  public RpcException invalid(int index, String name, String problem) {
    return new RpcException(method + ": argument " + (index + 1) + " (" + name + ") " + problem);
  }
}
