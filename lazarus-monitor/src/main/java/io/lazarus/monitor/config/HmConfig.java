package io.lazarus.monitor.config;

import static io.lazarus.core.yaml.YamlValues.map;
import static io.lazarus.core.yaml.YamlValues.onlyKeys;
import static io.lazarus.core.yaml.YamlValues.optionalList;

import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.core.yaml.YamlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Health Monitor's configuration, read from {@code hm.yml} (docs/internals/healing.md). Relative paths are
 * resolved against the file's directory. Every key is checked: an unknown or mistyped key fails with the file,
 * path and line. {@code document} is kept because plugins check their own options against it at start.
 */
public record HmConfig(
    Endpoint http, IngestConfig ingest, DirectorConnection director, Intervals intervals, List<PluginSpec> plugins, YamlDocument document) {

  /** An address and port to listen on; port 0 picks a free one. */
  public record Endpoint(String address, int port) {}

  public static final Endpoint DEFAULT_HTTP = new Endpoint("127.0.0.1", 25923);
  public static final Endpoint DEFAULT_INGEST = new Endpoint("127.0.0.1", 25924);

  /**
   * Reads and validates a config file.
   *
   * @throws YamlException naming the file, the path and the line of the first problem
   */
  public static HmConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new YamlException(file.toString(), 0, "cannot read: " + e.getMessage());
    }
    return parse(YamlDocument.parse(file.toString(), text), file.toAbsolutePath().getParent());
  }

  static HmConfig parse(YamlDocument doc, Path baseDir) {
    Map<String, Object> root = doc.rootMap();
    onlyKeys(doc, "", root, Set.of("http", "ingest", "director", "intervals", "plugins"));
    ConfigReader reader = new ConfigReader(doc, baseDir);
    Endpoint http = root.get("http") == null ? DEFAULT_HTTP : reader.endpoint("http", map(doc, "http", root.get("http")), Set.of(), DEFAULT_HTTP);
    IngestConfig ingest = IngestConfig.parse(reader, root.get("ingest"));
    DirectorConnection director = DirectorConnection.parse(reader, root.get("director"));
    Intervals intervals = Intervals.parse(reader, root.get("intervals"));
    List<Object> entries = optionalList(doc, "", root, "plugins");
    List<PluginSpec> plugins = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      plugins.add(PluginSpec.parse(doc, "plugins[" + i + "]", entries.get(i)));
    }
    return new HmConfig(http, ingest, director, intervals, List.copyOf(plugins), doc);
  }
}
