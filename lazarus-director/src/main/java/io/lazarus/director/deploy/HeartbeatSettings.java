package io.lazarus.director.deploy;

import io.lazarus.core.heartbeat.HeartbeatCredentials;
import io.lazarus.director.HealthMonitorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a new agent sends heartbeats and with which credentials: {@code env.lazarus.heartbeat} of {@code create_vm}
 * (docs/internals/vms.md). The password is derived from the key shared with the Health Monitor, so the HM checks it
 * without a table of agents (docs/internals/healing.md). Thread-safe.
 */
public final class HeartbeatSettings {
  private final URI url;
  private final HeartbeatCredentials credentials;
  private final String caPem;
  private final int intervalSeconds;

  public HeartbeatSettings(URI url, HeartbeatCredentials credentials, String caPem, int intervalSeconds) {
    this.url = url;
    this.credentials = credentials;
    this.caPem = caPem;
    this.intervalSeconds = intervalSeconds;
  }

  /** Reads the key and the CA named by the config (which checked that both files exist). */
  public static HeartbeatSettings load(HealthMonitorConfig config) {
    try {
      return new HeartbeatSettings(config.heartbeatUrl(), HeartbeatCredentials.fromKeyFile(config.heartbeatKey()), Files.readString(config.heartbeatCa()), config.heartbeatIntervalSeconds());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the heartbeat CA " + config.heartbeatCa(), e);
    }
  }

  /** {@code {url, user, password, ca, interval_seconds}} for the agent with this id. */
  public Map<String, Object> forAgent(String agentId) {
    Map<String, Object> heartbeat = new LinkedHashMap<>();
    heartbeat.put("url", url.toString());
    heartbeat.put("user", agentId);
    heartbeat.put("password", credentials.password(agentId));
    heartbeat.put("ca", caPem);
    heartbeat.put("interval_seconds", intervalSeconds);
    return heartbeat;
  }
}
