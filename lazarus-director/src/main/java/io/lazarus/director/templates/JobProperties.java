package io.lazarus.director.templates;

import io.lazarus.director.releases.JobSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The properties a job's templates see, as BOSH computes them: for every property the job spec declares (a dotted name
 * such as {@code tls.port}), the manifest's value if it sets one, else the spec's default, else null. Properties the
 * spec does not declare are not visible, even if the manifest sets them.
 */
final class JobProperties {
  private JobProperties() {}

  /**
   * @throws TemplateRenderException if the manifest puts a non-hash where a declared name needs a hash
   *     ({@code tls: "yes"} for {@code tls.port})
   */
  static Map<String, Object> resolve(JobSpec spec, Map<String, Object> manifestProperties) {
    Map<String, Object> resolved = new LinkedHashMap<>();
    if (!(spec.raw().get("properties") instanceof Map<?, ?> declared)) {
      return resolved;
    }
    for (Map.Entry<?, ?> property : declared.entrySet()) {
      String name = String.valueOf(property.getKey());
      Object value = lookup(spec.name(), manifestProperties, name);
      set(resolved, name, value != null ? value : defaultOf(property.getValue()));
    }
    return resolved;
  }

  private static Object defaultOf(Object definition) {
    return definition instanceof Map<?, ?> map ? map.get("default") : null;
  }

  private static Object lookup(String job, Map<String, Object> properties, String name) {
    Object node = properties;
    for (String key : name.split("\\.")) {
      if (node == null) {
        return null;
      }
      if (!(node instanceof Map<?, ?> map)) {
        String message = "Property '" + name + "' expects a hash, but received '" + rubyClassOf(node) + "'";
        throw new TemplateRenderException(job, List.of(new TemplateError(null, 0, message)));
      }
      node = map.get(key);
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  private static void set(Map<String, Object> target, String name, Object value) {
    String[] keys = name.split("\\.");
    Map<String, Object> node = target;
    for (int i = 0; i < keys.length - 1; i++) {
      Object child = node.get(keys[i]);
      if (!(child instanceof Map<?, ?>)) {
        child = new LinkedHashMap<String, Object>();
        node.put(keys[i], child);
      }
      node = (Map<String, Object>) child;
    }
    node.put(keys[keys.length - 1], value);
  }

  /** The Ruby class name BOSH's message shows for a YAML value. */
  private static String rubyClassOf(Object value) {
    return switch (value) {
      case String s -> "String";
      case Integer i -> "Integer";
      case Long l -> "Integer";
      case java.math.BigInteger b -> "Integer";
      case Number n -> "Float";
      case Boolean b -> b ? "TrueClass" : "FalseClass";
      case List<?> l -> "Array";
      default -> value.getClass().getSimpleName();
    };
  }
}
