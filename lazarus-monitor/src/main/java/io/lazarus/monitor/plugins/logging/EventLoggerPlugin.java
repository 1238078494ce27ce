package io.lazarus.monitor.plugins.logging;

import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.core.yaml.YamlValues;
import io.lazarus.monitor.director.DirectorApi;
import io.lazarus.monitor.director.DirectorApiException;
import io.lazarus.monitor.events.Alert;
import io.lazarus.monitor.plugins.Plugin;
import io.lazarus.monitor.plugins.PluginContext;
import io.lazarus.monitor.plugins.PluginProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BOSH's {@code event_logger} plugin: records each alert as a Director event ({@code POST /events}, body as in
 * bosh-behaviour.md §2.9). A Director that refuses is logged; the alert is not retried, as in BOSH.
 */
public final class EventLoggerPlugin implements Plugin {
  private static final Logger LOG = LoggerFactory.getLogger(EventLoggerPlugin.class);

  private final DirectorApi director;

  EventLoggerPlugin(DirectorApi director) {
    this.director = director;
  }

  @Override
  public String name() {
    return "event_logger";
  }

  @Override
  public void onAlert(Alert alert) {
    try {
      director.createEvent(event(alert));
    } catch (DirectorApiException e) {
      LOG.warn("could not record alert {} as a Director event: {}", alert.id(), e.getMessage());
    }
  }

  static Map<String, Object> event(Alert alert) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("timestamp", alert.createdAt().getEpochSecond());
    event.put("action", "create");
    event.put("object_type", "alert");
    event.put("object_name", alert.id());
    event.put("deployment", alert.deployment());
    event.put("instance", alert.job() == null || alert.instanceId() == null ? null : alert.job() + "/" + alert.instanceId());
    event.put("context", Map.of("message", alert.title() + ". " + alert));
    return event;
  }

  /** Registered in META-INF/services; takes no options. */
  public static final class Provider implements PluginProvider {
    @Override
    public String name() {
      return "event_logger";
    }

    @Override
    public Plugin create(YamlDocument doc, String path, Map<String, Object> options, PluginContext context) {
      YamlValues.onlyKeys(doc, path, options, Set.of());
      return new EventLoggerPlugin(context.director());
    }
  }
}
