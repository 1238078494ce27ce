package io.lazarus.monitor.config;

import static io.lazarus.core.yaml.YamlValues.child;
import static io.lazarus.core.yaml.YamlValues.map;
import static io.lazarus.core.yaml.YamlValues.onlyKeys;
import static io.lazarus.core.yaml.YamlValues.optionalMap;
import static io.lazarus.core.yaml.YamlValues.requiredString;
import static io.lazarus.core.yaml.YamlValues.stringList;

import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.monitor.plugins.PluginProvider;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * One entry of hm.yml's {@code plugins}: its provider (found by name with {@link ServiceLoader}), the kinds of
 * events it receives, and its {@code options}, which the provider checks at {@code path + ".options"} when the HM
 * starts.
 */
public record PluginSpec(PluginProvider provider, Set<Kind> events, String path, Map<String, Object> options) {

  /** The kinds of events a plugin can subscribe to. */
  public enum Kind {
    ALERT,
    HEARTBEAT
  }

  public String name() {
    return provider.name();
  }

  public String optionsPath() {
    return child(path, "options");
  }

  static PluginSpec parse(YamlDocument doc, String path, Object value) {
    Map<String, Object> entry = map(doc, path, value);
    onlyKeys(doc, path, entry, Set.of("name", "events", "options"));
    String name = requiredString(doc, path, entry, "name");
    Map<String, PluginProvider> known = new java.util.HashMap<>();
    ServiceLoader.load(PluginProvider.class).forEach(p -> known.put(p.name(), p));
    PluginProvider provider = known.get(name);
    if (provider == null) {
      throw doc.fail(child(path, "name"), "unknown plugin '" + name + "' (known: " + String.join(", ", new TreeSet<>(known.keySet())) + ")");
    }
    Set<Kind> events = new LinkedHashSet<>();
    List<String> names = entry.get("events") == null ? List.of("alert") : stringList(doc, child(path, "events"), entry.get("events"));
    for (int i = 0; i < names.size(); i++) {
      switch (names.get(i)) {
        case "alert" -> events.add(Kind.ALERT);
        case "heartbeat" -> events.add(Kind.HEARTBEAT);
        default -> throw doc.fail(child(path, "events") + "[" + i + "]", "must be 'alert' or 'heartbeat', got '" + names.get(i) + "'");
      }
    }
    return new PluginSpec(provider, Set.copyOf(events), path, optionalMap(doc, path, entry, "options"));
  }
}
