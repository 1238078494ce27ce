package io.lazarus.core.planning;

import io.lazarus.core.yaml.YamlValues;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Resolves the properties a job's templates see, and finds job-level properties its spec does not declare. This is
 * the one place a job's properties are resolved: the Director's template renderer reads the result as it is, as
 * BOSH's renderer reads the hash its planner bound.
 *
 * <p>For each property the spec declares, the value comes from the job's {@code properties}, else the instance
 * group's, else the manifest's top-level {@code properties}, else the spec's default, else nil: nested under its
 * dotted name ({@code tls.cert} as {@code tls: {cert: nil}}), so templates read nil from {@code properties.tls.cert}
 * and {@code p('tls.cert')} fails, as in BOSH. An explicit {@code null} counts as not set. Undeclared names are left
 * out, so templates cannot read them.
 */
public final class PropertyResolution {
  private PropertyResolution() {}

  /** The properties a job's templates see, and each place a level that was read put a non-hash in a declared name's way. */
  public record Resolved(Map<String, Object> properties, List<NotAHash> notHashes) {
    public Resolved {
      notHashes = List.copyOf(notHashes);
    }
  }

  /**
   * The level at index {@code level} holds {@code found} at the dotted name {@code at}, where the declared
   * {@code property} needs a hash ({@code tls: on} for {@code tls.port}). BOSH refuses this when it binds properties.
   */
  public record NotAHash(int level, String property, String at, Object found) {
    /** BOSH's message: {@code Property 'tls.port' expects a hash, but received 'String'}. */
    public String message() {
      return "Property '" + property + "' expects a hash, but received '" + rubyClassOf(found) + "'";
    }
  }

  /**
   * A job-level property no declared property covers. {@code declaredBelow} lists the declared properties under it
   * when it should have been a mapping leading to them, and is empty when nothing is declared under that name.
   */
  record Undeclared(String name, List<String> declaredBelow) {}

  /** Resolves {@code spec}'s properties from {@code levels}, most specific first (job, instance group, manifest). */
  public static Resolved resolve(JobSpec spec, List<Map<String, Object>> levels) {
    Map<String, Object> resolved = new LinkedHashMap<>();
    List<NotAHash> notHashes = new ArrayList<>();
    for (JobSpec.PropertySpec property : spec.properties()) {
      Object value = null;
      for (int i = 0; i < levels.size() && value == null; i++) {
        int level = i;
        value = lookup(levels.get(i), property.name(), (at, found) -> notHashes.add(new NotAHash(level, property.name(), at, found)));
      }
      put(resolved, property.name(), value != null ? value : property.defaultValue().orElse(null));
    }
    return new Resolved(YamlValues.frozenMap(resolved), notHashes);
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
    return YamlValues.frozenMap(selected);
  }

  /** The value at a dotted name inside nested mappings, or null. */
  static Object lookup(Map<String, Object> properties, String dottedName) {
    return lookup(properties, dottedName, (at, found) -> {});
  }

  /** {@link #lookup(Map, String)}, telling {@code notAHash} of a value other than a mapping on the way down. */
  private static Object lookup(Map<String, Object> properties, String dottedName, BiConsumer<String, Object> notAHash) {
    String[] segments = dottedName.split("\\.");
    Object current = properties;
    for (int i = 0; i < segments.length; i++) {
      if (!(current instanceof Map<?, ?> map)) {
        if (current != null) {
          notAHash.accept(String.join(".", Arrays.copyOf(segments, i)), current);
        }
        return null;
      }
      current = map.get(segments[i]);
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
    String last = segments[segments.length - 1];
    Object existing = current.get(last);
    // A spec declaring both 'a' and 'a.b' is unusual; the more specific value is kept inside the broader one, and a
    // nil never hides it.
    if (value == null) {
      current.putIfAbsent(last, null);
    } else if (existing instanceof Map<?, ?> && value instanceof Map<?, ?> broader) {
      Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) broader);
      merged.putAll((Map<String, Object>) existing);
      current.put(last, merged);
    } else {
      current.put(last, value);
    }
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

  /** The Ruby class name BOSH's message shows for a YAML value. */
  private static String rubyClassOf(Object value) {
    return switch (value) {
      case String s -> "String";
      case Integer i -> "Integer";
      case Long l -> "Integer";
      case BigInteger b -> "Integer";
      case Number n -> "Float";
      case Boolean b -> b ? "TrueClass" : "FalseClass";
      case List<?> l -> "Array";
      default -> value.getClass().getSimpleName();
    };
  }
}
