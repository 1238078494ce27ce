package io.lazarus.cli.interpolation.template;

import io.lazarus.cli.interpolation.patch.PatchException;
import io.lazarus.cli.interpolation.yaml.GoValues;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ((name))} references in every string of a tree, keys included. A string that is one whole reference
 * becomes the variable's value, whatever its type; a reference inside a longer string is replaced by the value's
 * text, which must then be a string or an integer. A reference that is not found stays as written.
 */
final class Interpolator {
  private static final Pattern REFERENCE = Pattern.compile("\\(\\((!?[-/.\\w\\p{L}]+)\\)\\)");

  /** Finds a variable by its reference, {@code name} or {@code name.key.0}. */
  interface Lookup {
    Optional<Variables.Found> find(String reference);
  }

  private Interpolator() {}

  /** {@code node} with its references replaced; maps and lists are new, the given tree is not changed. */
  static Object interpolate(Object node, Lookup lookup) {
    if (node instanceof Map<?, ?> map) {
      Map<Object, Object> result = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Object value = interpolate(entry.getValue(), lookup);
        result.put(interpolate(entry.getKey(), lookup), value);
      }
      return result;
    }
    if (node instanceof List<?> list) {
      List<Object> result = new ArrayList<>(list.size());
      for (Object item : list) {
        result.add(interpolate(item, lookup));
      }
      return result;
    }
    if (node instanceof String text) {
      return interpolateString(text, lookup);
    }
    return node;
  }

  private static Object interpolateString(String text, Lookup lookup) {
    String result = text;
    for (String name : references(text)) {
      Optional<Variables.Found> found;
      try {
        found = lookup.find(name);
      } catch (InterpolationException | PatchException e) {
        throw InterpolationException.wrap("Finding variable '" + name + "'", e);
      }
      if (found.isEmpty()) {
        continue;
      }
      Object value = found.get().value();
      if (REFERENCE.matcher(result).matches()) {
        return value;
      }
      if (!(value instanceof String || value instanceof Integer || value instanceof Long || value instanceof BigInteger)) {
        throw new InterpolationException("Invalid type '" + GoValues.typeName(value) + "' for value '" + GoValues.format(value)
            + "' and variable '" + name + "'. Supported types for interpolation within a string are integers and strings.");
      }
      result = result.replace("((" + name + "))", value.toString()).replace("((!" + name + "))", value.toString());
    }
    return result;
  }

  /** The variables {@code text} refers to, in order, without the {@code !} prefix. */
  static List<String> references(String text) {
    List<String> names = new ArrayList<>();
    Matcher matcher = REFERENCE.matcher(text);
    while (matcher.find()) {
      String name = matcher.group(1);
      names.add(name.startsWith("!") ? name.substring(1) : name);
    }
    return names;
  }
}
