package io.lazarus.agent.settings;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The agent's settings as the CPI wrote them ({@code bosh/settings.json}, BOSH's shape plus {@code heartbeat}).
 * Immutable; read a fresh copy through {@link SettingsStore} when the file may have changed (attach_disk).
 *
 * @param raw the whole document, kept so that fields the agent does not model survive a rewrite
 */
public record Settings(
    String agentId,
    String vmName,
    Mbus mbus,
    List<BlobstoreSettings> blobstores,
    JsonNode networks,
    Map<String, PersistentDisk> persistentDisks,
    Optional<HeartbeatSettings> heartbeat,
    JsonNode raw) {

  /** The RPC endpoint, its Basic-auth credentials, and the TLS material the agent serves with. */
  public record Mbus(URI url, String user, String password, Optional<TlsMaterial> tls) {
    @Override
    public String toString() {
      return "Mbus[" + url.getScheme() + "://" + url.getHost() + ":" + url.getPort() + "]";
    }
  }

  /** PEM texts: the agent's certificate (chain), its private key, and the CA that issued it. */
  public record TlsMaterial(String certificate, String privateKey, String ca) {
    @Override
    public String toString() {
      return "TlsMaterial[certificate, private key, ca]";
    }
  }

  /** One entry of {@code blobstores}: {@code dav} (the Director's) or {@code local} (a directory). */
  public record BlobstoreSettings(String provider, JsonNode options) {
    public String option(String name) {
      JsonNode value = options.path(name);
      return value.isString() ? value.stringValue() : null;
    }
  }

  /** {@code disks.persistent.<cid>}: where the CPI put the disk's directory. */
  public record PersistentDisk(String cid, String path) {}

  /** Where heartbeats, alerts and shutdown go, and how often. */
  public record HeartbeatSettings(URI url, String user, String password, Optional<String> ca, int intervalSeconds) {
    @Override
    public String toString() {
      return "HeartbeatSettings[" + url + ", every " + intervalSeconds + "s]";
    }
  }

  /** The IPs of every network, sorted: BOSH's alert titles carry them. */
  public List<String> ips() {
    return networks.values().stream()
        .map(network -> network.path("ip"))
        .filter(JsonNode::isString)
        .map(JsonNode::stringValue)
        .sorted()
        .toList();
  }
}
