package io.lazarus.monitor.resurrector;

import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.monitor.plugins.Plugin;
import io.lazarus.monitor.plugins.PluginContext;
import io.lazarus.monitor.plugins.PluginProvider;
import java.util.Map;

/** Builds the {@code resurrector} plugin of hm.yml from its checked options (defaults for absent keys). */
public final class ResurrectorProvider implements PluginProvider {

  @Override
  public String name() {
    return "resurrector";
  }

  @Override
  public Plugin create(YamlDocument doc, String path, Map<String, Object> options, PluginContext context) {
    return new Resurrector(ResurrectorOptions.read(doc, path, options).withDirectorPollInterval(context.directorPollInterval()), context);
  }
}
