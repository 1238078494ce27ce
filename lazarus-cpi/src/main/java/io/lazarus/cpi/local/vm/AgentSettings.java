package io.lazarus.cpi.local.vm;

import io.lazarus.cpi.Network;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Composes the agent's {@code settings.json} (docs/internals/vms.md) from {@code create_vm}'s arguments: BOSH's
 * shape plus Lazarus's {@code heartbeat}. Pure: maps in, map out.
 */
public final class AgentSettings {
  static final int DEFAULT_MBUS_PORT = 6868;

  private AgentSettings() {}

  /**
   * The settings of a new VM, without persistent disks.
   *
   * @throws IllegalArgumentException when no network gives the VM an IP for {@code mbus}
   */
  public static Map<String, Object> compose(String agentId, String vmCid, Map<String, Network> networks,
      Map<String, Object> env) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("agent_id", agentId);
    settings.put("vm", Map.of("name", vmCid));
    settings.put("mbus", mbus(defaultIp(networks), env));
    settings.put("env", env);
    Object blobstores = at(env, "bosh", "blobstores");
    if (blobstores != null) {
      settings.put("blobstores", blobstores);
    }
    settings.put("networks", networks);
    Map<String, Object> disks = new LinkedHashMap<>();
    disks.put("system", "");
    disks.put("ephemeral", null);
    disks.put("persistent", new LinkedHashMap<String, Object>());
    settings.put("disks", disks);
    Object heartbeat = at(env, "lazarus", "heartbeat");
    if (heartbeat != null) {
      settings.put("heartbeat", heartbeat);
    }
    return settings;
  }

  /** {@code settings} with {@code disks.persistent} set to the given disks' hints. */
  public static Map<String, Object> withPersistentDisks(Map<String, Object> settings, Map<String, String> diskPaths) {
    Map<String, Object> persistent = new LinkedHashMap<>();
    diskPaths.forEach((cid, path) -> persistent.put(cid, Map.of("path", path)));
    Map<String, Object> disks = new LinkedHashMap<>();
    if (settings.get("disks") instanceof Map<?, ?> existing) {
      existing.forEach((key, value) -> disks.put(String.valueOf(key), value));
    }
    disks.put("persistent", persistent);
    Map<String, Object> updated = new LinkedHashMap<>(settings);
    updated.put("disks", disks);
    return updated;
  }

  /**
   * {@code https://<user>:<password>@<ip>:<port>} from {@code env.bosh.mbus}; the port defaults to 6868 and the
   * credentials are left out when the Director gave none.
   */
  static String mbus(String ip, Map<String, Object> env) {
    Object user = at(env, "bosh", "mbus", "user");
    Object password = at(env, "bosh", "mbus", "password");
    Object port = Optional.ofNullable(at(env, "bosh", "mbus", "port")).orElse(DEFAULT_MBUS_PORT);
    String credentials = user == null ? "" : user + (password == null ? "" : ":" + password) + "@";
    return "https://" + credentials + ip + ":" + port;
  }

  /** The IP of the network that provides the gateway (BOSH's default network), or of the only network. */
  static String defaultIp(Map<String, Network> networks) {
    Optional<Network> chosen = networks.values().stream().filter(Network::providesGateway).findFirst();
    if (chosen.isEmpty() && networks.size() == 1) {
      chosen = networks.values().stream().findFirst();
    }
    return chosen.map(Network::ip).filter(ip -> !ip.isBlank()).orElseThrow(() -> new IllegalArgumentException(
        "no default network with an IP among networks " + networks.keySet()
            + " (one network, or one whose 'default' lists 'gateway', must have an 'ip')"));
  }

  /** The value at a path of nested maps, or null. */
  static Object at(Map<String, Object> map, String... path) {
    Object current = map;
    for (String key : path) {
      if (!(current instanceof Map<?, ?> nested)) {
        return null;
      }
      current = nested.get(key);
    }
    return current;
  }
}
