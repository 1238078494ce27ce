package io.lazarus.director;

import static io.lazarus.core.yaml.YamlValues.child;
import static io.lazarus.core.yaml.YamlValues.integer;
import static io.lazarus.core.yaml.YamlValues.map;
import static io.lazarus.core.yaml.YamlValues.onlyKeys;
import static io.lazarus.core.yaml.YamlValues.optionalString;
import static io.lazarus.core.yaml.YamlValues.requiredString;

import io.lazarus.core.heartbeat.HeartbeatCredentials;
import io.lazarus.core.yaml.YamlDocument;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code health_monitor:} key of {@code director.yml} (docs/internals/healing.md): where agents send heartbeats
 * and how they prove who they are, and where the Health Monitor's API answers {@code resurrection explain}.
 *
 * <pre>
 * health_monitor:
 *   heartbeat_url: https://127.0.0.1:25924   # the HM's ingest listener, handed to agents
 *   heartbeat_key: ./hm/heartbeat.key        # the key shared with the HM (hex)
 *   heartbeat_ca: ./hm/ingest/ca.pem         # the CA agents trust for the ingest listener
 *   heartbeat_interval: 5                    # seconds, handed to agents (default 5)
 *   api_url: http://127.0.0.1:25923          # optional: the HM's HTTP API
 * </pre>
 */
public record HealthMonitorConfig(URI heartbeatUrl, Path heartbeatKey, Path heartbeatCa, int heartbeatIntervalSeconds, Optional<URI> apiUrl) {
  public static final int DEFAULT_HEARTBEAT_INTERVAL = 5;
  private static final String PATH = "health_monitor";

  /** Reads {@code health_monitor} from the config's root (absent: no Health Monitor), files relative to {@code baseDir}. */
  static Optional<HealthMonitorConfig> parse(YamlDocument doc, Object value, Path baseDir) {
    if (value == null) {
      return Optional.empty();
    }
    Map<String, Object> hm = map(doc, PATH, value);
    onlyKeys(doc, PATH, hm, Set.of("heartbeat_url", "heartbeat_key", "heartbeat_ca", "heartbeat_interval", "api_url"));
    URI heartbeatUrl = url(doc, "heartbeat_url", requiredString(doc, PATH, hm, "heartbeat_url"), Set.of("https"));
    Path key = DirectorConfig.existing(doc, baseDir, PATH, hm, "heartbeat_key");
    try {
      HeartbeatCredentials.fromKeyFile(key);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw doc.fail(child(PATH, "heartbeat_key"), e.getMessage());
    }
    Path ca = DirectorConfig.existing(doc, baseDir, PATH, hm, "heartbeat_ca");
    int interval = DEFAULT_HEARTBEAT_INTERVAL;
    if (hm.get("heartbeat_interval") != null) {
      long seconds = integer(doc, child(PATH, "heartbeat_interval"), hm.get("heartbeat_interval"));
      if (seconds < 1 || seconds > 300) {
        throw doc.fail(child(PATH, "heartbeat_interval"), "must be between 1 and 300 seconds, got " + seconds);
      }
      interval = (int) seconds;
    }
    Optional<URI> api = optionalString(doc, PATH, hm, "api_url").map(text -> url(doc, "api_url", text, Set.of("http", "https")));
    return Optional.of(new HealthMonitorConfig(heartbeatUrl, key, ca, interval, api));
  }

  private static URI url(YamlDocument doc, String key, String text, Set<String> schemes) {
    try {
      URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
      if (uri.getScheme() != null && schemes.contains(uri.getScheme()) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below with the expected form
    }
    throw doc.fail(child(PATH, key), "must be an " + String.join(" or ", schemes.stream().sorted().toList()) + " URL with a host, got '" + text + "'");
  }
}
