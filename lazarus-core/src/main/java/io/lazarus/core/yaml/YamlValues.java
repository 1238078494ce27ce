package io.lazarus.core.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of values inside a {@link YamlDocument}, failing with the path and line of the offending value.
 * A small, explicit alternative to binding YAML onto classes: every field an operator writes is checked here.
 */
public final class YamlValues {
  private YamlValues() {}

  public static String describe(Object value) {
    if (value == null) {
      return "nothing (null)";
    }
    if (value instanceof Map<?, ?>) {
      return "a mapping";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    if (value instanceof Number) {
      return "a number";
    }
    return "a " + value.getClass().getSimpleName().toLowerCase();
  }

  static Map<String, Object> stringKeyed(YamlDocument doc, String path, Map<?, ?> map) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw doc.fail(path, "keys must be strings, got " + describe(entry.getKey()) + " '" + entry.getKey() + "'");
      }
      result.put(key, entry.getValue());
    }
    return result;
  }

  /** Joins a parent path and a key the way {@link YamlDocument} records paths. */
  public static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  public static Optional<Object> optional(Map<String, Object> map, String key) {
    return Optional.ofNullable(map.get(key));
  }

  public static Object required(YamlDocument doc, String path, Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      // A field missing at the top has no line to point at; one missing inside a mapping points at that mapping.
      throw path.isEmpty() ? new YamlException(doc.source(), 0, "missing required field '" + key + "'") : doc.fail(path, "missing required field '" + key + "'");
    }
    return value;
  }

  public static String string(YamlDocument doc, String path, Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    throw doc.fail(path, "expected a string, got " + describe(value));
  }

  /**
   * Like {@link #string}, but a number keeps the text it was written with ({@code 1.10} stays "1.10", not "1.1"):
   * for versions and other identifiers that people write unquoted.
   */
  public static String text(YamlDocument doc, String path, Object value) {
    if (value instanceof Number) {
      return doc.numberText(path).orElseGet(() -> String.valueOf(value));
    }
    return string(doc, path, value);
  }

  public static String requiredString(YamlDocument doc, String path, Map<String, Object> map, String key) {
    String value = string(doc, child(path, key), required(doc, path, map, key));
    if (value.isBlank()) {
      throw doc.fail(child(path, key), "must not be empty");
    }
    return value;
  }

  public static Optional<String> optionalString(YamlDocument doc, String path, Map<String, Object> map, String key) {
    Object value = map.get(key);
    return value == null ? Optional.empty() : Optional.of(string(doc, child(path, key), value));
  }

  public static long integer(YamlDocument doc, String path, Object value) {
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    if (value instanceof java.math.BigInteger big && big.bitLength() < 64) {
      return big.longValue();
    }
    throw doc.fail(path, "expected an integer, got " + describe(value));
  }

  public static boolean bool(YamlDocument doc, String path, Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw doc.fail(path, "expected true or false, got " + describe(value));
  }

  public static Map<String, Object> map(YamlDocument doc, String path, Object value) {
    if (value instanceof Map<?, ?> map) {
      return stringKeyed(doc, path, map);
    }
    throw doc.fail(path, "expected a mapping, got " + describe(value));
  }

  public static List<Object> list(YamlDocument doc, String path, Object value) {
    if (value instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    throw doc.fail(path, "expected a list, got " + describe(value));
  }

  /** Fails on keys outside {@code allowed}, so a typo such as {@code adress} is caught, not ignored. */
  public static void onlyKeys(YamlDocument doc, String path, Map<String, Object> map, java.util.Set<String> allowed) {
    for (String key : map.keySet()) {
      if (!allowed.contains(key)) {
        throw doc.fail(child(path, key), "unknown field '" + key + "' (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
      }
    }
  }

  /** The path of item {@code index} of the list at {@code path}, the way {@link YamlDocument} records it. */
  public static String item(String path, int index) {
    return path + "[" + index + "]";
  }

  /** The mapping under {@code key}, or an empty mapping when the key is absent or null. */
  public static Map<String, Object> optionalMap(YamlDocument doc, String path, Map<String, Object> map, String key) {
    Object value = map.get(key);
    return value == null ? new LinkedHashMap<>() : map(doc, child(path, key), value);
  }

  /** The list under {@code key}, or an empty list when the key is absent or null. */
  public static List<Object> optionalList(YamlDocument doc, String path, Map<String, Object> map, String key) {
    Object value = map.get(key);
    return value == null ? new ArrayList<>() : list(doc, child(path, key), value);
  }

  /** A list whose items must all be strings (numbers and booleans are read as their text, as in {@link #string}). */
  public static List<String> stringList(YamlDocument doc, String path, Object value) {
    List<Object> items = list(doc, path, value);
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      strings.add(string(doc, item(path, i), items.get(i)));
    }
    return List.copyOf(strings);
  }

  /**
   * A deep, unmodifiable copy of a loaded value (mappings keep their order; nulls are kept), for free-form
   * sections such as {@code cloud_properties} that are passed on without being interpreted.
   */
  public static Object frozen(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, frozen(v)));
      return java.util.Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(frozen(v)));
      return java.util.Collections.unmodifiableList(copy);
    }
    return value;
  }

  /** {@link #frozen(Object)} for a string-keyed mapping. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> frozenMap(Map<String, Object> map) {
    return (Map<String, Object>) frozen(map);
  }
}
