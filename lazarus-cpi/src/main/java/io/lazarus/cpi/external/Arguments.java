package io.lazarus.cpi.external;

import io.lazarus.core.json.Json;
import io.lazarus.cpi.CpiErrors;
import io.lazarus.cpi.CpiException;
import io.lazarus.cpi.Network;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/** A request's {@code arguments} array, read by position with the type each method expects. */
final class Arguments {
  private final String method;
  private final JsonNode values;

  Arguments(String method, JsonNode values) {
    this.method = method;
    this.values = values;
  }

  String text(int index) throws CpiException {
    JsonNode value = values.get(index);
    if (value == null || !value.isString()) {
      throw wrong(index, "a string");
    }
    return value.stringValue();
  }

  String optionalText(int index) throws CpiException {
    JsonNode value = values.get(index);
    return value == null || value.isNull() ? null : text(index);
  }

  int integer(int index) throws CpiException {
    JsonNode value = values.get(index);
    if (value == null || !value.isIntegralNumber()) {
      throw wrong(index, "an integer");
    }
    return value.asInt();
  }

  Map<String, Object> map(int index) throws CpiException {
    JsonNode value = values.get(index);
    if (value == null || value.isNull()) {
      return Map.of();
    }
    if (!value.isObject()) {
      throw wrong(index, "an object");
    }
    return Json.mapper().convertValue(value, new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  /** An object of strings; other values (numbers, booleans) are taken as their text, as BOSH's metadata is. */
  Map<String, String> strings(int index) throws CpiException {
    Map<String, String> strings = new LinkedHashMap<>();
    map(index).forEach((key, value) -> strings.put(key, value == null ? null : String.valueOf(value)));
    return strings;
  }

  List<String> texts(int index) throws CpiException {
    JsonNode value = values.get(index);
    if (value == null || value.isNull()) {
      return List.of();
    }
    try {
      return Json.mapper().convertValue(value, new TypeReference<List<String>>() {});
    } catch (RuntimeException e) {
      throw wrong(index, "an array of strings");
    }
  }

  Map<String, Network> networks(int index) throws CpiException {
    map(index);
    try {
      return Json.mapper().convertValue(values.get(index), new TypeReference<LinkedHashMap<String, Network>>() {});
    } catch (RuntimeException e) {
      throw wrong(index, "an object of networks");
    }
  }

  private CpiException wrong(int index, String expected) {
    return CpiErrors.cloudError("invalid arguments for '" + method + "': argument " + (index + 1) + " must be "
        + expected + ", got " + (values.get(index) == null ? "nothing" : values.get(index).toString()));
  }
}
