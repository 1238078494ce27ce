package io.lazarus.director.cpis;

import static io.lazarus.core.yaml.YamlValues.child;
import static io.lazarus.core.yaml.YamlValues.frozenMap;
import static io.lazarus.core.yaml.YamlValues.item;
import static io.lazarus.core.yaml.YamlValues.list;
import static io.lazarus.core.yaml.YamlValues.map;
import static io.lazarus.core.yaml.YamlValues.onlyKeys;
import static io.lazarus.core.yaml.YamlValues.optionalString;
import static io.lazarus.core.yaml.YamlValues.required;
import static io.lazarus.core.yaml.YamlValues.requiredString;

import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.director.configs.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The CPIs of the cpi config (BOSH's {@code bosh update-cpi-config}, a config of type {@code cpi}): every stored cpi
 * config (one per name) contributes its {@code cpis}, and a name may appear once across all of them.
 */
public record CpiConfig(List<CpiDefinition> cpis) {
  public static final String TYPE = "cpi";
  public static final CpiConfig NONE = new CpiConfig(List.of());
  public static final Set<String> TYPES = Set.of("local", "dummy", "external");
  /** A local CPI's name becomes a directory name under the store. */
  private static final Pattern DIRECTORY_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

  public CpiConfig {
    cpis = List.copyOf(cpis);
  }

  /**
   * Reads one cpi config document, checking its shape: names present and unique, known types, {@code exec_path}
   * (an absolute path) exactly for external CPIs, {@code properties} a mapping. Whether the programs exist is
   * {@link CpiConfigCheck}'s business, at upload.
   */
  public static CpiConfig parse(YamlDocument doc) {
    Map<String, Object> root = doc.rootMap();
    onlyKeys(doc, "", root, Set.of("cpis"));
    List<Object> items = list(doc, "cpis", required(doc, "", root, "cpis"));
    List<CpiDefinition> cpis = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String path = item("cpis", i);
      CpiDefinition cpi = entry(doc, path, map(doc, path, items.get(i)));
      Integer first = seen.putIfAbsent(cpi.name(), i);
      if (first != null) {
        throw doc.fail(child(path, "name"), "cpi '" + cpi.name() + "' is defined twice (also " + item("cpis", first) + ")");
      }
      cpis.add(cpi);
    }
    return new CpiConfig(cpis);
  }

  private static CpiDefinition entry(YamlDocument doc, String path, Map<String, Object> entry) {
    onlyKeys(doc, path, entry, Set.of("name", "type", "exec_path", "properties"));
    String name = requiredString(doc, path, entry, "name");
    String type = requiredString(doc, path, entry, "type");
    String what = "cpi '" + name + "': ";
    if (!TYPES.contains(type)) {
      throw doc.fail(child(path, "type"), what + "type must be 'local', 'dummy' or 'external', got '" + type + "'");
    }
    Optional<String> execPath = optionalString(doc, path, entry, "exec_path");
    if (!type.equals("external")) {
      for (String key : List.of("exec_path", "properties")) {
        if (entry.get(key) != null) {
          throw doc.fail(child(path, key), what + "'" + key + "' is only for type 'external' (this one is '" + type + "')");
        }
      }
      if (type.equals("local") && (!DIRECTORY_NAME.matcher(name).matches())) {
        throw doc.fail(child(path, "name"), what + "a local CPI keeps its VMs under <store>/local-clouds/<name>, so its name may only hold letters, digits, '.', '_' and '-' (not first)");
      }
      return new CpiDefinition(name, type, Optional.empty(), Map.of());
    }
    if (execPath.isEmpty() || execPath.get().isBlank()) {
      throw doc.fail(path, what + "missing required field 'exec_path' (an external CPI's program)");
    }
    Path program = Path.of(execPath.get());
    if (!program.isAbsolute()) {
      throw doc.fail(child(path, "exec_path"), what + "'" + execPath.get() + "' must be an absolute path on the Director's machine");
    }
    Map<String, Object> properties = entry.get("properties") == null ? Map.of() : frozenMap(map(doc, child(path, "properties"), entry.get("properties")));
    return new CpiDefinition(name, type, Optional.of(program.normalize()), properties);
  }

  /**
   * The stored cpi configs (the current version of each name, in {@code Configs}' order) as one: the first definition
   * of a name wins. Uploads refuse a name another cpi config already has, so a duplicate only comes from two uploads
   * racing; the order keeps the choice stable.
   */
  public static CpiConfig merge(List<Config> stored) {
    Map<String, CpiDefinition> byName = new LinkedHashMap<>();
    for (Config config : stored) {
      for (CpiDefinition cpi : parse(document(config)).cpis()) {
        byName.putIfAbsent(cpi.name(), cpi);
      }
    }
    return new CpiConfig(new ArrayList<>(byName.values()));
  }

  static YamlDocument document(Config config) {
    return YamlDocument.parse("cpi config '" + config.name() + "'", config.content());
  }

  public Optional<CpiDefinition> find(String name) {
    return cpis.stream().filter(cpi -> cpi.name().equals(name)).findFirst();
  }

  public List<String> names() {
    return cpis.stream().map(CpiDefinition::name).toList();
  }
}
