package io.lazarus.core.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves a job's properties and finds job-level properties its spec does not declare.
 *
 * <p>For each property the spec declares, the value comes from the job's {@code properties}, else the instance
 * group's, else the manifest's top-level {@code properties}, else the spec's default; a property with none of these
 * is left out (templates then fail on {@code p()} as in BOSH). An explicit {@code null} counts as not set.
 */
final class PropertyResolution {
  private PropertyResolution() {}

  /**
   * A job-level property no declared property covers. {@code declaredBelow} lists the declared properties under it
   * when it should have been a mapping leading to them, and is empty when nothing is declared under that name.
   */
  record Undeclared(String name, List<String> declaredBelow) {}

  static Map<String, Object> resolve(JobSpec spec, List<Map<String, Object>> levels) {
    Map<String, Object> resolved = new LinkedHashMap<>();
    for (JobSpec.PropertySpec property : spec.properties()) {
      Object value = null;
      for (Map<String, Object> level : levels) {
        value = lookup(level, property.name());
        if (value != null) {
          break;
        }
      }
      if (value == null) {
        value = property.defaultValue().orElse(null);
      }
      if (value != null) {
        put(resolved, property.name(), value);
      }
    }
    return freeze(resolved);
  }

  /** The values of {@code names} (dotted) taken from resolved properties, nested the same way; absent ones left out. */
  static Map<String, Object> select(Map<String, Object> resolved, List<String> names) {
    Map<String, Object> selected = new LinkedHashMap<>();
    for (String name : names) {
      Object value = lookup(resolved, name);
      if (value != null) {
        put(selected, name, value);
      }
    }
    return freeze(selected);
  }

  /** The value at a dotted name inside nested mappings, or null. */
  static Object lookup(Map<String, Object> properties, String dottedName) {
    Object current = properties;
    for (String segment : dottedName.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(segment);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> target, String dottedName, Object value) {
    String[] segments = dottedName.split("\\.");
    Map<String, Object> current = target;
    for (int i = 0; i < segments.length - 1; i++) {
      Object next = current.get(segments[i]);
      // Copy on the way down: values taken from the manifest are frozen and must not be changed in place.
      Map<String, Object> writable = next instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
      current.put(segments[i], writable);
      current = writable;
    }
    Object existing = current.get(segments[segments.length - 1]);
    // A spec declaring both 'a' and 'a.b' is unusual; the more specific value is kept inside the broader one.
    if (existing instanceof Map<?, ?> && value instanceof Map<?, ?> broader) {
      Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) broader);
      merged.putAll((Map<String, Object>) existing);
      current.put(segments[segments.length - 1], merged);
    } else {
      current.put(segments[segments.length - 1], value);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> freeze(Map<String, Object> map) {
    return (Map<String, Object>) io.lazarus.core.yaml.YamlValues.frozen(map);
  }

  /**
   * Job-level properties that no declared property covers. A mapping is walked only while it leads to declared
   * names ({@code director:} when {@code director.port} is declared); a declared name takes its whole value.
   */
  static List<Undeclared> undeclared(JobSpec spec, Map<String, Object> jobProperties) {
    List<Undeclared> found = new ArrayList<>();
    walk(spec, jobProperties, "", found);
    return found;
  }

  private static void walk(JobSpec spec, Map<?, ?> properties, String prefix, List<Undeclared> found) {
    for (Map.Entry<?, ?> entry : properties.entrySet()) {
      String name = prefix + entry.getKey();
      if (spec.declares(name)) {
        continue;
      }
      List<String> below = spec.propertyNames().stream().filter(p -> p.startsWith(name + ".")).toList();
      if (below.isEmpty()) {
        found.add(new Undeclared(name, List.of()));
      } else if (entry.getValue() instanceof Map<?, ?> nested) {
        walk(spec, nested, name + ".", found);
      } else if (entry.getValue() != null) {
        found.add(new Undeclared(name, below));
      }
    }
  }
}
