package io.lazarus.agent.settings;

import io.lazarus.agent.settings.Settings.BlobstoreSettings;
import io.lazarus.agent.settings.Settings.HeartbeatSettings;
import io.lazarus.agent.settings.Settings.Mbus;
import io.lazarus.agent.settings.Settings.PersistentDisk;
import io.lazarus.agent.settings.Settings.TlsMaterial;
import io.lazarus.agent.json.JsonCodec;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Turns settings.json text into {@link Settings}, failing with the source and the dotted path of the bad field. */
public final class SettingsParser {
  /** Lazarus's default heartbeat interval (5 s where BOSH has 30 s), when settings name none. */
  static final int DEFAULT_HEARTBEAT_SECONDS = 5;

  private final String source;

  public SettingsParser(String source) {
    this.source = source;
  }

  public Settings parse(String text) {
    JsonNode root;
    try {
      root = JsonCodec.read(text);
    } catch (JacksonException e) {
      throw new SettingsException(source + ": not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new SettingsException(source + ": expected a JSON object at the top");
    }
    return new Settings(
        requiredString(root, "agent_id"),
        optionalString(root.path("vm"), "vm.name").orElse(""),
        mbus(root),
        blobstores(root.path("blobstores")),
        root.path("networks").isObject() ? root.path("networks") : JsonCodec.object(),
        persistentDisks(root.path("disks").path("persistent")),
        heartbeat(root.path("heartbeat")),
        root);
  }

  private Mbus mbus(JsonNode root) {
    String text = requiredString(root, "mbus");
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      throw fail("mbus", "is not a URL (" + e.getReason() + ")");
    }
    if (!"https".equals(url.getScheme())) {
      throw fail("mbus", "must be an https:// URL, got scheme '" + url.getScheme() + "'");
    }
    if (url.getHost() == null || url.getPort() < 0) {
      throw fail("mbus", "must name a host and a port, e.g. https://user:password@10.0.0.5:6868");
    }
    String userInfo = url.getRawUserInfo();
    if (userInfo == null || !userInfo.contains(":")) {
      throw fail("mbus", "must carry credentials as https://user:password@host:port");
    }
    int colon = userInfo.indexOf(':');
    String user = URLDecoder.decode(userInfo.substring(0, colon), StandardCharsets.UTF_8);
    String password = URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8);
    JsonNode cert = root.path("env").path("bosh").path("mbus").path("cert");
    Optional<TlsMaterial> tls = Optional.empty();
    if (!cert.isMissingNode() && !cert.isNull()) {
      String path = "env.bosh.mbus.cert";
      tls = Optional.of(new TlsMaterial(
          requiredString(cert, path + ".certificate"), requiredString(cert, path + ".private_key"), optionalString(cert, path + ".ca").orElse("")));
    }
    return new Mbus(url, user, password, tls);
  }

  private List<BlobstoreSettings> blobstores(JsonNode node) {
    List<BlobstoreSettings> result = new ArrayList<>();
    if (node.isMissingNode() || node.isNull()) {
      return result;
    }
    if (!node.isArray()) {
      throw fail("blobstores", "must be a list");
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode entry = node.get(i);
      String path = "blobstores[" + i + "]";
      String provider = requiredString(entry, path + ".provider");
      JsonNode options = entry.path("options");
      if (!options.isObject()) {
        throw fail(path + ".options", "must be an object");
      }
      if (provider.equals("dav") && optionalString(options, path + ".options.endpoint").isEmpty()) {
        throw fail(path + ".options.endpoint", "is missing");
      }
      result.add(new BlobstoreSettings(provider, options));
    }
    return result;
  }

  private Map<String, PersistentDisk> persistentDisks(JsonNode node) {
    Map<String, PersistentDisk> disks = new LinkedHashMap<>();
    if (node.isMissingNode() || node.isNull()) {
      return disks;
    }
    if (!node.isObject()) {
      throw fail("disks.persistent", "must be an object of disk cid to disk settings");
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String path = "disks.persistent." + entry.getKey();
      JsonNode value = entry.getValue();
      // BOSH CPIs write either a device path string or an object; the local cloud writes {"path": dir}.
      String diskPath = value.isString() ? value.stringValue() : requiredString(value, path + ".path");
      disks.put(entry.getKey(), new PersistentDisk(entry.getKey(), diskPath));
    }
    return disks;
  }

  private Optional<HeartbeatSettings> heartbeat(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    URI url;
    try {
      url = new URI(requiredString(node, "heartbeat.url"));
    } catch (URISyntaxException e) {
      throw fail("heartbeat.url", "is not a URL (" + e.getReason() + ")");
    }
    JsonNode interval = node.path("interval_seconds");
    int seconds = DEFAULT_HEARTBEAT_SECONDS;
    if (!interval.isMissingNode() && !interval.isNull()) {
      if (!interval.isIntegralNumber() || interval.asInt() < 1) {
        throw fail("heartbeat.interval_seconds", "must be a whole number of seconds, at least 1");
      }
      seconds = interval.asInt();
    }
    return Optional.of(new HeartbeatSettings(
        url, requiredString(node, "heartbeat.user"), requiredString(node, "heartbeat.password"),
        optionalString(node, "heartbeat.ca").filter(ca -> !ca.isBlank()), seconds));
  }

  private String requiredString(JsonNode parent, String path) {
    return optionalString(parent, path).filter(s -> !s.isBlank()).orElseThrow(() -> fail(path, "is missing or empty"));
  }

  private Optional<String> optionalString(JsonNode parent, String path) {
    JsonNode value = parent.path(path.substring(path.lastIndexOf('.') + 1));
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isString()) {
      throw fail(path, "must be a string");
    }
    return Optional.of(value.stringValue());
  }

  private SettingsException fail(String path, String problem) {
    return new SettingsException(source + ": '" + path + "' " + problem);
  }
}
