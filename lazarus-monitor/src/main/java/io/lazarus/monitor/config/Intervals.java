package io.lazarus.monitor.config;

import static io.lazarus.core.yaml.YamlValues.child;
import static io.lazarus.core.yaml.YamlValues.map;
import static io.lazarus.core.yaml.YamlValues.onlyKeys;

import java.time.Duration;
import java.util.Map;

/**
 * The HM's timings (hm.yml {@code intervals}, seconds). Lazarus' defaults are shorter than BOSH's (healing.md):
 * {@code analyzeAgents} is how often a still-silent agent is alerted again, not a sweep period: detection itself
 * is deadline-driven.
 */
public record Intervals(
    Duration pollDirector,
    Duration agentTimeout,
    Duration rogueAgentAlert,
    Duration pruneEvents,
    Duration resurrectionConfig,
    Duration directorUnreachableAlert,
    Duration analyzeAgents,
    Duration logStats) {

  public static final Intervals DEFAULTS = new Intervals(
      Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(120), Duration.ofSeconds(30),
      Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(60));

  static Intervals parse(ConfigReader reader, Object value) {
    if (value == null) {
      return DEFAULTS;
    }
    Map<String, Object> section = map(reader.doc(), "intervals", value);
    onlyKeys(reader.doc(), "intervals", section, java.util.Set.of(
        "poll_director", "agent_timeout", "rogue_agent_alert", "prune_events", "resurrection_config",
        "director_unreachable_alert", "analyze_agents", "log_stats"));
    Seconds s = (key, fallback) -> section.get(key) == null ? fallback : Duration.ofSeconds(reader.range(child("intervals", key), section.get(key), 1, 86_400));
    return new Intervals(
        s.read("poll_director", DEFAULTS.pollDirector),
        s.read("agent_timeout", DEFAULTS.agentTimeout),
        s.read("rogue_agent_alert", DEFAULTS.rogueAgentAlert),
        s.read("prune_events", DEFAULTS.pruneEvents),
        s.read("resurrection_config", DEFAULTS.resurrectionConfig),
        s.read("director_unreachable_alert", DEFAULTS.directorUnreachableAlert),
        s.read("analyze_agents", DEFAULTS.analyzeAgents),
        s.read("log_stats", DEFAULTS.logStats));
  }

  @FunctionalInterface
  private interface Seconds {
    Duration read(String key, Duration fallback);
  }
}
