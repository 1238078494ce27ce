package io.lazarus.director;

import io.lazarus.core.heartbeat.HeartbeatCredentials;
import io.lazarus.director.tls.CertificateAuthority;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a local Health Monitor needs next to a {@code --dev} Director, in {@code <store>/hm/}: the heartbeat key
 * shared with the Director, the ingest listener's CA and certificate for 127.0.0.1, and {@code hm.yml}
 * (docs/internals/healing.md). Key and certificates are made once and kept, so agents' settings and the HM stay
 * valid across restarts. The HM's ports follow the Director's: 25923 (API) and 25924 (ingest) next to 25555,
 * otherwise the Director's port plus 368 and 369, so two dev Directors' monitors do not collide; with port 0 (a
 * Director on any free port, as tests start it) the HM gets free ports too.
 */
final class DevHealthMonitor {
  static final String USER = "hm";
  static final int DEFAULT_API_PORT = 25923;
  static final int DEFAULT_INGEST_PORT = 25924;

  private final Path dir;
  private final int apiPort;
  private final int ingestPort;

  DevHealthMonitor(Path store, int directorPort) throws IOException {
    this.dir = store.toAbsolutePath().resolve("hm");
    if (directorPort == 0) {
      this.apiPort = freePort();
      this.ingestPort = freePort();
      return;
    }
    boolean derived = directorPort != DirectorConfig.DEFAULT_PORT && directorPort + 369 <= 65535;
    this.apiPort = derived ? directorPort + 368 : DEFAULT_API_PORT;
    this.ingestPort = derived ? directorPort + 369 : DEFAULT_INGEST_PORT;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static Path configFile(Path store) {
    return store.toAbsolutePath().resolve("hm").resolve("hm.yml");
  }

  /** Makes the key and the ingest certificates unless they exist. */
  void writeMaterial() throws IOException {
    if (!Files.exists(heartbeatKey())) {
      HeartbeatCredentials.writeNewKey(heartbeatKey());
    }
    CertificateAuthority.loadOrGenerate(ingestTls(), "127.0.0.1", "Lazarus Health Monitor ingest CA");
  }

  /** The {@code health_monitor:} section of the Director's config. */
  String directorSection() {
    return "health_monitor:\n"
        + "  heartbeat_url: https://127.0.0.1:" + ingestPort + "\n"
        + "  heartbeat_key: " + heartbeatKey() + "\n"
        + "  heartbeat_ca: " + ingestTls().resolve("ca.pem") + "\n"
        + "  heartbeat_interval: " + HealthMonitorConfig.DEFAULT_HEARTBEAT_INTERVAL + "\n"
        + "  api_url: http://127.0.0.1:" + apiPort + "\n";
  }

  /** {@code hm.yml} for a Health Monitor that logs in to the Director at {@code directorUrl} as {@link #USER}. */
  String hmConfig(String directorUrl, String password, Path directorCa) {
    return "# Written by `lazarus director --dev`; rewritten at each start (the key and certificates are kept).\n"
        + "http: {address: 127.0.0.1, port: " + apiPort + "}\n"
        + "ingest:\n"
        + "  address: 127.0.0.1\n"
        + "  port: " + ingestPort + "\n"
        + "  certificate: " + ingestTls().resolve("server.pem") + "\n"
        + "  private_key: " + ingestTls().resolve("server.key") + "\n"
        + "  heartbeat_key: " + heartbeatKey() + "\n"
        + "director:\n"
        + "  endpoint: " + directorUrl + "\n"
        + "  user: " + USER + "\n"
        + "  password: " + password + "\n"
        + "  director_ca_cert: " + directorCa + "\n"
        + "plugins:\n"
        + "  - {name: logger, events: [alert]}\n"
        + "  - {name: event_logger, events: [alert]}\n"
        + "  - {name: resurrector, events: [alert]}\n";
  }

  Path dir() {
    return dir;
  }

  private Path heartbeatKey() {
    return dir.resolve("heartbeat.key");
  }

  private Path ingestTls() {
    return dir.resolve("ingest");
  }
}
