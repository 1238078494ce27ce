package io.lazarus.monitor.plugins;

import io.lazarus.core.yaml.YamlDocument;
import java.util.Map;

/**
 * Builds the plugin named in {@code hm.yml}'s {@code plugins[].name}. Providers are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.lazarus.monitor.plugins.PluginProvider}).
 */
public interface PluginProvider {
  /** The name in hm.yml: {@code logger}, {@code event_logger}, {@code webhook}, {@code resurrector}. */
  String name();

  /**
   * Checks {@code options} (the map at {@code path} of {@code doc}, empty when absent) and builds the plugin.
   *
   * @throws io.lazarus.core.yaml.YamlException naming the file, path and line of a bad option
   */
  Plugin create(YamlDocument doc, String path, Map<String, Object> options, PluginContext context);
}
