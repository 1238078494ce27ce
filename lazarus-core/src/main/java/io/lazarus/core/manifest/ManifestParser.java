package io.lazarus.core.manifest;

import static io.lazarus.core.yaml.YamlValues.bool;
import static io.lazarus.core.yaml.YamlValues.child;
import static io.lazarus.core.yaml.YamlValues.describe;
import static io.lazarus.core.yaml.YamlValues.frozen;
import static io.lazarus.core.yaml.YamlValues.frozenMap;
import static io.lazarus.core.yaml.YamlValues.integer;
import static io.lazarus.core.yaml.YamlValues.item;
import static io.lazarus.core.yaml.YamlValues.list;
import static io.lazarus.core.yaml.YamlValues.map;
import static io.lazarus.core.yaml.YamlValues.optionalList;
import static io.lazarus.core.yaml.YamlValues.optionalMap;
import static io.lazarus.core.yaml.YamlValues.optionalString;
import static io.lazarus.core.yaml.YamlValues.required;
import static io.lazarus.core.yaml.YamlValues.requiredString;
import static io.lazarus.core.yaml.YamlValues.string;
import static io.lazarus.core.yaml.YamlValues.stringList;
import static io.lazarus.core.yaml.YamlValues.text;

import io.lazarus.core.network.IpRange;
import io.lazarus.core.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Reads one manifest document; every check fails through {@link YamlDocument#fail} so messages carry the line. */
final class ManifestParser {
  private static final Set<String> TOP_LEVEL =
      Set.of("name", "director_uuid", "releases", "stemcells", "update", "instance_groups", "variables", "properties", "tags", "features");
  private static final Map<String, String> TOP_LEVEL_HINTS = Map.of(
      "addons", "deployment-level 'addons' are not supported by this director; use a runtime-config",
      "jobs", "'jobs' at the top level is manifest v1; manifest v2 calls them 'instance_groups'",
      "resource_pools", "'resource_pools' is manifest v1; use vm_types and disk_types in the cloud-config",
      "networks", "'networks' belong in the cloud-config in manifest v2",
      "compilation", "'compilation' belongs in the cloud-config in manifest v2");
  private static final String EXTENSION_PREFIX = "x-";
  private static final Set<String> INSTANCE_GROUP_KEYS = Set.of("name", "azs", "instances", "vm_type", "vm_extensions", "stemcell", "persistent_disk",
      "persistent_disk_type", "networks", "jobs", "properties", "update", "lifecycle", "env", "migrated_from");
  private static final Map<String, String> INSTANCE_GROUP_HINTS = Map.of(
      "templates", "'templates' is the old name of 'jobs'; rename it",
      "resource_pool", "'resource_pool' is manifest v1; give 'vm_type' and 'stemcell' instead",
      "persistent_disk_pool", "'persistent_disk_pool' is manifest v1; use 'persistent_disk_type'",
      "persistent_disks", "multiple persistent disks are not supported; use 'persistent_disk' or 'persistent_disk_type'",
      "vm_resources", "'vm_resources' is not supported; use a 'vm_type' from the cloud-config");
  private static final Set<String> UPDATE_KEYS = Set.of("canaries", "max_in_flight", "canary_watch_time", "update_watch_time", "serial", "vm_strategy");
  private static final Set<String> VM_STRATEGIES = Set.of("delete-create", "create-swap-delete");
  private static final Set<String> NETWORK_DEFAULTS = Set.of("dns", "gateway", "addressable");

  private final YamlDocument doc;

  ManifestParser(YamlDocument doc) {
    this.doc = doc;
  }

  DeploymentManifest parse() {
    Map<String, Object> root = doc.rootMap();
    strictKeys("", root, TOP_LEVEL, TOP_LEVEL_HINTS);
    String name = validName("", root, "name", ManifestNames::groupNameProblem);
    List<ReleaseRef> releases = releases(root);
    List<StemcellRef> stemcells = stemcells(root);
    UpdatePolicy update = topLevelUpdate(root);
    List<InstanceGroup> groups = instanceGroups(root, releases, stemcells);
    List<Object> variables = optionalList(doc, "", root, "variables");
    Map<String, Object> properties = frozenMap(optionalMap(doc, "", root, "properties"));
    Map<String, String> tags = tags(root);
    Map<String, Object> features = frozenMap(optionalMap(doc, "", root, "features"));
    @SuppressWarnings("unchecked")
    List<Object> frozenVariables = (List<Object>) frozen(variables);
    return new DeploymentManifest(name, releases, stemcells, update, groups, frozenVariables, properties, tags, features, doc);
  }

  private void strictKeys(String path, Map<String, Object> map, Set<String> allowed, Map<String, String> hints) {
    for (String key : map.keySet()) {
      if (path.isEmpty() && key.startsWith(EXTENSION_PREFIX)) {
        continue; // a place for YAML anchors shared by instance groups; never a typo of a real field
      }
      if (!allowed.contains(key)) {
        String hint = hints.get(key);
        throw doc.fail(child(path, key), hint != null ? hint : "unknown field '" + key + "' (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
      }
    }
  }

  private String validName(String path, Map<String, Object> map, String key, Function<String, String> rule) {
    String value = requiredString(doc, path, map, key);
    String problem = rule.apply(value);
    if (problem != null) {
      throw doc.fail(child(path, key), problem);
    }
    return value;
  }

  /** Reads each entry of a list; {@code key} of every entry must be unique. */
  private <T> List<T> entries(String section, List<Object> items, String key, Set<String> allowed, Map<String, String> hints, EntryReader<T> reader) {
    List<T> result = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String path = item(section, i);
      Map<String, Object> entry = map(doc, path, items.get(i));
      strictKeys(path, entry, allowed, hints);
      String id = requiredString(doc, path, entry, key);
      Integer first = seen.putIfAbsent(id, i);
      if (first != null) {
        throw doc.fail(child(path, key), "'" + id + "' is already used at " + item(section, first) + "; each " + key + " in '" + lastSegment(section) + "' must be unique");
      }
      result.add(reader.read(path, entry));
    }
    return List.copyOf(result);
  }

  private static String lastSegment(String section) {
    int dot = section.lastIndexOf('.');
    return dot < 0 ? section : section.substring(dot + 1);
  }

  @FunctionalInterface
  private interface EntryReader<T> {
    T read(String path, Map<String, Object> entry);
  }

  private List<ReleaseRef> releases(Map<String, Object> root) {
    List<Object> items = list(doc, "releases", required(doc, "", root, "releases"));
    return entries("releases", items, "name", Set.of("name", "version", "url", "sha1"), Map.of(), (path, entry) ->
        new ReleaseRef(
            validName(path, entry, "name", ManifestNames::releaseNameProblem),
            version(path, entry),
            optionalString(doc, path, entry, "url"),
            optionalString(doc, path, entry, "sha1")));
  }

  /** A version as written: {@code version: 1.10} means "1.10", although YAML reads the number 1.1. */
  private String version(String path, Map<String, Object> entry) {
    String version = text(doc, child(path, "version"), required(doc, path, entry, "version"));
    if (version.isBlank()) {
      throw doc.fail(child(path, "version"), "must not be empty");
    }
    return version;
  }

  private List<StemcellRef> stemcells(Map<String, Object> root) {
    List<Object> items = list(doc, "stemcells", required(doc, "", root, "stemcells"));
    return entries("stemcells", items, "alias", Set.of("alias", "os", "name", "version"), Map.of(), (path, entry) -> {
      Optional<String> os = optionalString(doc, path, entry, "os");
      Optional<String> name = optionalString(doc, path, entry, "name");
      if (os.isPresent() == name.isPresent()) {
        throw doc.fail(path, "give exactly one of 'os' and 'name' to choose the stemcell");
      }
      return new StemcellRef(validName(path, entry, "alias", ManifestNames::releaseNameProblem), os, name, version(path, entry));
    });
  }

  private UpdatePolicy topLevelUpdate(Map<String, Object> root) {
    Map<String, Object> block = map(doc, "update", required(doc, "", root, "update"));
    for (String key : List.of("canaries", "max_in_flight", "canary_watch_time", "update_watch_time")) {
      required(doc, "update", block, key);
    }
    return update("update", block);
  }

  private UpdatePolicy update(String path, Map<String, Object> block) {
    strictKeys(path, block, UPDATE_KEYS, Map.of());
    Optional<String> vmStrategy = optionalString(doc, path, block, "vm_strategy");
    if (vmStrategy.isPresent() && !VM_STRATEGIES.contains(vmStrategy.get())) {
      throw doc.fail(child(path, "vm_strategy"), "unknown vm_strategy '" + vmStrategy.get() + "' (allowed: create-swap-delete, delete-create)");
    }
    return new UpdatePolicy(
        countOrPercent(path, block, "canaries"),
        countOrPercent(path, block, "max_in_flight"),
        watchTime(path, block, "canary_watch_time"),
        watchTime(path, block, "update_watch_time"),
        block.get("serial") == null ? Optional.empty() : Optional.of(bool(doc, child(path, "serial"), block.get("serial"))),
        vmStrategy);
  }

  private Optional<CountOrPercent> countOrPercent(String path, Map<String, Object> block, String key) {
    Object value = block.get(key);
    if (value == null) {
      return Optional.empty();
    }
    String where = child(path, key);
    if (value instanceof Boolean || !(value instanceof Number || value instanceof String)) {
      throw doc.fail(where, "expected a number of instances or a percentage such as '25%', got " + describe(value));
    }
    CountOrPercent parsed = parsed(where, string(doc, where, value), CountOrPercent::parse);
    if (key.equals("max_in_flight") && parsed.value() == 0) {
      throw doc.fail(where, "must be at least 1 (or 1%): with 0 no instance would ever be updated");
    }
    return Optional.of(parsed);
  }

  private Optional<WatchTime> watchTime(String path, Map<String, Object> block, String key) {
    Object value = block.get(key);
    if (value == null) {
      return Optional.empty();
    }
    String where = child(path, key);
    if (value instanceof Boolean || !(value instanceof Number || value instanceof String)) {
      throw doc.fail(where, "expected milliseconds or a range such as '1000-30000', got " + describe(value));
    }
    return Optional.of(parsed(where, string(doc, where, value), WatchTime::parse));
  }

  private List<InstanceGroup> instanceGroups(Map<String, Object> root, List<ReleaseRef> releases, List<StemcellRef> stemcells) {
    List<Object> items = list(doc, "instance_groups", required(doc, "", root, "instance_groups"));
    return entries("instance_groups", items, "name", INSTANCE_GROUP_KEYS, INSTANCE_GROUP_HINTS, (path, entry) -> instanceGroup(path, entry, releases, stemcells));
  }

  private InstanceGroup instanceGroup(String path, Map<String, Object> entry, List<ReleaseRef> releases, List<StemcellRef> stemcells) {
    String name = validName(path, entry, "name", ManifestNames::groupNameProblem);
    List<String> azs = uniqueStrings(path, entry, "azs");
    long instances = integer(doc, child(path, "instances"), required(doc, path, entry, "instances"));
    if (instances < 0 || instances > 10_000) {
      throw doc.fail(child(path, "instances"), "must be between 0 and 10000, got " + instances);
    }
    String vmType = requiredString(doc, path, entry, "vm_type");
    List<String> vmExtensions = uniqueStrings(path, entry, "vm_extensions");
    String stemcell = requiredString(doc, path, entry, "stemcell");
    if (stemcells.stream().noneMatch(s -> s.alias().equals(stemcell))) {
      throw doc.fail(child(path, "stemcell"), "no stemcell has alias '" + stemcell + "' under 'stemcells' (" + listed(stemcells.stream().map(StemcellRef::alias).toList()) + ")");
    }
    if (entry.get("persistent_disk") != null && entry.get("persistent_disk_type") != null) {
      throw doc.fail(child(path, "persistent_disk_type"), "give either 'persistent_disk' (a size in MB) or 'persistent_disk_type', not both");
    }
    Optional<Long> disk = Optional.empty();
    if (entry.get("persistent_disk") != null) {
      long size = integer(doc, child(path, "persistent_disk"), entry.get("persistent_disk"));
      if (size < 0) {
        throw doc.fail(child(path, "persistent_disk"), "must be a size in MB (0 for no disk), got " + size);
      }
      disk = size == 0 ? Optional.empty() : Optional.of(size);
    }
    Optional<String> diskType = optionalString(doc, path, entry, "persistent_disk_type");
    List<InstanceGroupNetwork> networks = networks(path, entry);
    List<Object> jobItems = list(doc, child(path, "jobs"), required(doc, path, entry, "jobs"));
    List<ManifestJob> jobs = entries(child(path, "jobs"), jobItems, "name", Set.of("name", "release", "properties", "consumes", "provides", "custom_provider_definitions"), Map.of(),
        (jobPath, job) -> job(jobPath, job, releases));
    Optional<UpdatePolicy> update = entry.get("update") == null ? Optional.empty() : Optional.of(update(child(path, "update"), map(doc, child(path, "update"), entry.get("update"))));
    Lifecycle lifecycle = lifecycle(path, entry);
    return new InstanceGroup(name, azs, (int) instances, vmType, vmExtensions, stemcell, disk, diskType, networks, jobs,
        frozenMap(optionalMap(doc, path, entry, "properties")), update, lifecycle, frozenMap(optionalMap(doc, path, entry, "env")), migratedFrom(path, entry), path);
  }

  private Lifecycle lifecycle(String path, Map<String, Object> entry) {
    String value = optionalString(doc, path, entry, "lifecycle").orElse("service");
    return switch (value) {
      case "service" -> Lifecycle.SERVICE;
      case "errand" -> Lifecycle.ERRAND;
      default -> throw doc.fail(child(path, "lifecycle"), "unknown lifecycle '" + value + "' (allowed: errand, service)");
    };
  }

  private List<InstanceGroupNetwork> networks(String path, Map<String, Object> entry) {
    String networksPath = child(path, "networks");
    List<Object> items = list(doc, networksPath, required(doc, path, entry, "networks"));
    if (items.isEmpty()) {
      throw doc.fail(networksPath, "an instance group needs at least one network");
    }
    return entries(networksPath, items, "name", Set.of("name", "static_ips", "default"), Map.of(), (netPath, net) -> {
      List<String> defaults = uniqueStrings(netPath, net, "default");
      for (int i = 0; i < defaults.size(); i++) {
        if (!NETWORK_DEFAULTS.contains(defaults.get(i))) {
          throw doc.fail(item(child(netPath, "default"), i), "unknown default '" + defaults.get(i) + "' (allowed: addressable, dns, gateway)");
        }
      }
      return new InstanceGroupNetwork(requiredString(doc, netPath, net, "name"), staticIps(netPath, net), defaults, netPath);
    });
  }

  private List<StaticIp> staticIps(String path, Map<String, Object> network) {
    if (network.get("static_ips") == null) {
      return List.of();
    }
    String listPath = child(path, "static_ips");
    List<String> entries = stringList(doc, listPath, network.get("static_ips"));
    List<StaticIp> result = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String entryPath = item(listPath, i);
      IpRange range = parsed(entryPath, entries.get(i), IpRange::parse);
      if (range.size() > 10_000) {
        throw doc.fail(entryPath, "range " + range + " holds " + range.size() + " addresses; an instance group has at most 10000 instances");
      }
      for (long offset = 0; offset < range.size(); offset++) {
        result.add(new StaticIp(range.first().plus(offset), entryPath));
      }
    }
    return List.copyOf(result);
  }

  private ManifestJob job(String path, Map<String, Object> job, List<ReleaseRef> releases) {
    String name = validName(path, job, "name", ManifestNames::releaseNameProblem);
    String release = requiredString(doc, path, job, "release");
    if (releases.stream().noneMatch(r -> r.name().equals(release))) {
      throw doc.fail(child(path, "release"), "release '" + release + "' is not listed under 'releases' (" + listed(releases.stream().map(ReleaseRef::name).toList()) + ")");
    }
    return new ManifestJob(name, release, frozenMap(optionalMap(doc, path, job, "properties")), consumes(path, job), provides(path, job), customProviders(path, job), path);
  }

  private Map<String, LinkConsumption> consumes(String path, Map<String, Object> job) {
    Map<String, LinkConsumption> result = new LinkedHashMap<>();
    String consumesPath = child(path, "consumes");
    optionalMap(doc, path, job, "consumes").forEach((link, value) -> {
      String linkPath = child(consumesPath, link);
      if (isNil(value)) {
        result.put(link, new LinkConsumption(link, true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), linkPath));
        return;
      }
      Map<String, Object> wiring = map(doc, linkPath, value);
      strictKeys(linkPath, wiring, Set.of("from", "deployment", "network", "ip_addresses"), Map.of());
      Optional<Boolean> ipAddresses = wiring.get("ip_addresses") == null ? Optional.empty() : Optional.of(bool(doc, child(linkPath, "ip_addresses"), wiring.get("ip_addresses")));
      result.put(link, new LinkConsumption(link, false, optionalString(doc, linkPath, wiring, "from"), optionalString(doc, linkPath, wiring, "deployment"),
          optionalString(doc, linkPath, wiring, "network"), ipAddresses, linkPath));
    });
    return Collections.unmodifiableMap(result);
  }

  private Map<String, LinkProvision> provides(String path, Map<String, Object> job) {
    Map<String, LinkProvision> result = new LinkedHashMap<>();
    String providesPath = child(path, "provides");
    optionalMap(doc, path, job, "provides").forEach((link, value) -> {
      String linkPath = child(providesPath, link);
      if (isNil(value)) {
        result.put(link, new LinkProvision(link, true, Optional.empty(), false, linkPath));
        return;
      }
      Map<String, Object> wiring = map(doc, linkPath, value);
      strictKeys(linkPath, wiring, Set.of("as", "shared", "aliases"), Map.of());
      boolean shared = wiring.get("shared") != null && bool(doc, child(linkPath, "shared"), wiring.get("shared"));
      result.put(link, new LinkProvision(link, false, optionalString(doc, linkPath, wiring, "as"), shared, linkPath));
    });
    return Collections.unmodifiableMap(result);
  }

  /** BOSH's way of switching a link off: {@code db: nil} (a string in YAML) or an explicit null. */
  private static boolean isNil(Object value) {
    return value == null || "nil".equals(value);
  }

  private List<CustomProviderDefinition> customProviders(String path, Map<String, Object> job) {
    String listPath = child(path, "custom_provider_definitions");
    List<Object> items = optionalList(doc, path, job, "custom_provider_definitions");
    return entries(listPath, items, "name", Set.of("name", "type", "properties"), Map.of(), (defPath, def) ->
        new CustomProviderDefinition(requiredString(doc, defPath, def, "name"), requiredString(doc, defPath, def, "type"),
            def.get("properties") == null ? List.of() : stringList(doc, child(defPath, "properties"), def.get("properties"))));
  }

  private List<MigratedFrom> migratedFrom(String path, Map<String, Object> entry) {
    String listPath = child(path, "migrated_from");
    List<Object> items = optionalList(doc, path, entry, "migrated_from");
    return entries(listPath, items, "name", Set.of("name", "az"), Map.of(), (fromPath, from) ->
        new MigratedFrom(requiredString(doc, fromPath, from, "name"), optionalString(doc, fromPath, from, "az")));
  }

  private Map<String, String> tags(Map<String, Object> root) {
    Map<String, String> tags = new LinkedHashMap<>();
    optionalMap(doc, "", root, "tags").forEach((key, value) -> tags.put(key, string(doc, child("tags", key), value)));
    return Collections.unmodifiableMap(tags);
  }

  private List<String> uniqueStrings(String path, Map<String, Object> entry, String key) {
    if (entry.get(key) == null) {
      return List.of();
    }
    List<String> values = stringList(doc, child(path, key), entry.get(key));
    for (int i = 0; i < values.size(); i++) {
      if (values.indexOf(values.get(i)) != i) {
        throw doc.fail(item(child(path, key), i), "'" + values.get(i) + "' is listed twice");
      }
    }
    return values;
  }

  private <T> T parsed(String path, String text, Function<String, T> parser) {
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw doc.fail(path, e.getMessage());
    }
  }

  private static String listed(List<String> names) {
    return names.isEmpty() ? "none listed" : "listed: " + String.join(", ", names);
  }
}
