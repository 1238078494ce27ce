package io.lazarus.cli.interpolation.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Variables with fixed values. As in the bosh CLI a dotted name sets a key inside a map variable: {@code a.b=1} and
 * {@code a.c=2} make {@code a} the map {@code {b: 1, c: 2}}.
 *
 * <p>Immutable.
 */
public final class StaticVariables implements Variables {
  private final Map<String, Object> values;

  /** @param values variable names to values; a dotted name sets a key inside the map named by its first part */
  public StaticVariables(Map<String, Object> values) {
    this.values = nest(values);
  }

  @Override
  public Optional<Found> get(VariableDefinition definition) {
    return values.containsKey(definition.name()) ? Optional.of(new Found(values.get(definition.name()))) : Optional.empty();
  }

  @Override
  public List<String> names() {
    return List.copyOf(values.keySet());
  }

  private static Map<String, Object> nest(Map<String, Object> flat) {
    Map<String, Object> nested = new LinkedHashMap<>();
    flat.forEach((name, value) -> {
      if (!name.contains(".")) {
        nested.put(name, value);
      }
    });
    flat.forEach((name, value) -> {
      if (name.contains(".")) {
        String[] pieces = name.split("\\.", -1);
        Map<Object, Object> parent = child(nested, pieces[0]);
        for (int i = 1; i < pieces.length - 1; i++) {
          parent = child(parent, pieces[i]);
        }
        parent.put(pieces[pieces.length - 1], value);
      }
    });
    return nested;
  }

  /** The map under {@code key}, made (or copied, so a given value is never changed) as needed. */
  @SuppressWarnings("unchecked")
  private static Map<Object, Object> child(Map<? super String, Object> parent, String key) {
    Map<Object, Object> child = parent.get(key) instanceof Map<?, ?> existing ? new LinkedHashMap<>(existing) : new LinkedHashMap<>();
    ((Map<Object, Object>) parent).put(key, child);
    return child;
  }
}
