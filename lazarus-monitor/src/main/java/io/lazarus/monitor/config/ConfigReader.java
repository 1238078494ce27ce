package io.lazarus.monitor.config;

import static io.lazarus.core.yaml.YamlValues.child;
import static io.lazarus.core.yaml.YamlValues.integer;
import static io.lazarus.core.yaml.YamlValues.onlyKeys;
import static io.lazarus.core.yaml.YamlValues.optionalString;
import static io.lazarus.core.yaml.YamlValues.requiredString;

import io.lazarus.core.yaml.YamlDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The typed reads hm.yml's sections share: files relative to the config's directory, ports, positive seconds. */
final class ConfigReader {
  private final YamlDocument doc;
  private final Path baseDir;

  ConfigReader(YamlDocument doc, Path baseDir) {
    this.doc = doc;
    this.baseDir = baseDir;
  }

  YamlDocument doc() {
    return doc;
  }

  /** {@code address} and {@code port} of a listener, plus the section's {@code otherKeys}. */
  HmConfig.Endpoint endpoint(String path, Map<String, Object> section, Set<String> otherKeys, HmConfig.Endpoint defaults) {
    Set<String> allowed = new HashSet<>(otherKeys);
    allowed.add("address");
    allowed.add("port");
    onlyKeys(doc, path, section, allowed);
    String address = optionalString(doc, path, section, "address").orElse(defaults.address());
    int port = section.get("port") == null ? defaults.port() : (int) range(child(path, "port"), section.get("port"), 0, 65535);
    return new HmConfig.Endpoint(address, port);
  }

  /** A readable file named by {@code key}, resolved against the config file's directory. */
  Path existingFile(String path, Map<String, Object> section, String key) {
    Path file = baseDir.resolve(requiredString(doc, path, section, key)).normalize();
    if (!Files.isReadable(file)) {
      throw doc.fail(child(path, key), "file " + file + " does not exist or is not readable");
    }
    return file;
  }

  long range(String path, Object value, long min, long max) {
    long number = integer(doc, path, value);
    if (number < min || number > max) {
      throw doc.fail(path, "must be between " + min + " and " + max + ", got " + number);
    }
    return number;
  }
}
