package io.lazarus.monitor.plugins.logging;

import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.core.yaml.YamlValues;
import io.lazarus.monitor.events.Alert;
import io.lazarus.monitor.plugins.Plugin;
import io.lazarus.monitor.plugins.PluginContext;
import io.lazarus.monitor.plugins.PluginProvider;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** BOSH's {@code logger} plugin: each alert as an {@code [ALERT] <plain text>} line (bosh-behaviour.md §2.9). */
public final class LoggerPlugin implements Plugin {
  private static final Logger LOG = LoggerFactory.getLogger(LoggerPlugin.class);

  @Override
  public String name() {
    return "logger";
  }

  @Override
  public void onAlert(Alert alert) {
    LOG.info("[ALERT] {}", alert);
  }

  /** Registered in META-INF/services; takes no options. */
  public static final class Provider implements PluginProvider {
    @Override
    public String name() {
      return "logger";
    }

    @Override
    public Plugin create(YamlDocument doc, String path, Map<String, Object> options, PluginContext context) {
      YamlValues.onlyKeys(doc, path, options, Set.of());
      return new LoggerPlugin();
    }
  }
}
