package io.lazarus.core.cloudconfig;

import static io.lazarus.core.yaml.YamlValues.bool;
import static io.lazarus.core.yaml.YamlValues.child;
import static io.lazarus.core.yaml.YamlValues.frozenMap;
import static io.lazarus.core.yaml.YamlValues.integer;
import static io.lazarus.core.yaml.YamlValues.item;
import static io.lazarus.core.yaml.YamlValues.list;
import static io.lazarus.core.yaml.YamlValues.map;
import static io.lazarus.core.yaml.YamlValues.onlyKeys;
import static io.lazarus.core.yaml.YamlValues.optionalList;
import static io.lazarus.core.yaml.YamlValues.optionalMap;
import static io.lazarus.core.yaml.YamlValues.optionalString;
import static io.lazarus.core.yaml.YamlValues.required;
import static io.lazarus.core.yaml.YamlValues.requiredString;
import static io.lazarus.core.yaml.YamlValues.string;
import static io.lazarus.core.yaml.YamlValues.stringList;

import io.lazarus.core.network.IpRange;
import io.lazarus.core.network.IpSet;
import io.lazarus.core.network.Ipv4Address;
import io.lazarus.core.network.Ipv4Cidr;
import io.lazarus.core.network.SubnetAddresses;
import io.lazarus.core.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Reads one cloud-config document; every check fails through {@link YamlDocument#fail} so messages carry the line. */
final class CloudConfigParser {
  private static final Set<String> TOP_LEVEL = Set.of("azs", "vm_types", "vm_extensions", "disk_types", "networks", "compilation");
  private static final String EXTENSION_PREFIX = "x-";
  private static final Set<String> NETWORK_TYPES = Set.of("manual", "dynamic", "vip");

  private final YamlDocument doc;

  CloudConfigParser(YamlDocument doc) {
    this.doc = doc;
  }

  CloudConfig parse() {
    Map<String, Object> root = doc.rootMap();
    root.keySet().removeIf(key -> key.startsWith(EXTENSION_PREFIX)); // places for YAML anchors, as in manifests
    onlyKeys(doc, "", root, TOP_LEVEL);
    List<Az> azs = named("azs", root, Set.of("name", "cpi", "cloud_properties"), (path, m) ->
        new Az(requiredString(doc, path, m, "name"), optionalString(doc, path, m, "cpi"), cloudProperties(path, m)));
    List<VmType> vmTypes = named("vm_types", root, Set.of("name", "cloud_properties"), (path, m) ->
        new VmType(requiredString(doc, path, m, "name"), cloudProperties(path, m)));
    List<VmExtension> vmExtensions = named("vm_extensions", root, Set.of("name", "cloud_properties"), (path, m) ->
        new VmExtension(requiredString(doc, path, m, "name"), cloudProperties(path, m)));
    List<DiskType> diskTypes = named("disk_types", root, Set.of("name", "disk_size", "cloud_properties"), (path, m) ->
        new DiskType(requiredString(doc, path, m, "name"), diskSize(path, m), cloudProperties(path, m)));
    List<String> azNames = azs.stream().map(Az::name).toList();
    List<Network> networks = named("networks", root, Set.of("name", "type", "subnets", "dns", "cloud_properties"), (path, m) -> network(path, m, azNames));
    Compilation compilation = compilation(root, azNames, vmTypes, networks);
    return new CloudConfig(List.copyOf(azs), List.copyOf(vmTypes), List.copyOf(vmExtensions), List.copyOf(diskTypes), List.copyOf(networks), compilation, doc);
  }

  /** Reads a list of named entries, refusing a name used twice in the same section. */
  private <T> List<T> named(String section, Map<String, Object> root, Set<String> keys, EntryReader<T> reader) {
    List<Object> entries = optionalList(doc, "", root, section);
    List<T> result = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      String path = item(section, i);
      Map<String, Object> entry = map(doc, path, entries.get(i));
      onlyKeys(doc, path, entry, keys);
      String name = requiredString(doc, path, entry, "name");
      Integer first = seen.putIfAbsent(name, i);
      if (first != null) {
        throw doc.fail(child(path, "name"), "'" + name + "' is already defined at " + item(section, first) + "; names in '" + section + "' must be unique");
      }
      result.add(reader.read(path, entry));
    }
    return result;
  }

  @FunctionalInterface
  private interface EntryReader<T> {
    T read(String path, Map<String, Object> entry);
  }

  private Map<String, Object> cloudProperties(String path, Map<String, Object> entry) {
    return frozenMap(optionalMap(doc, path, entry, "cloud_properties"));
  }

  private long diskSize(String path, Map<String, Object> entry) {
    long size = integer(doc, child(path, "disk_size"), required(doc, path, entry, "disk_size"));
    if (size < 1) {
      throw doc.fail(child(path, "disk_size"), "must be a size in MB of at least 1, got " + size);
    }
    return size;
  }

  private Network network(String path, Map<String, Object> entry, List<String> azNames) {
    String name = requiredString(doc, path, entry, "name");
    String type = optionalString(doc, path, entry, "type").orElse("manual");
    if (!NETWORK_TYPES.contains(type)) {
      throw doc.fail(child(path, "type"), "unknown network type '" + type + "' (allowed: dynamic, manual, vip)");
    }
    return switch (type) {
      case "manual" -> manualNetwork(path, entry, name, azNames);
      case "dynamic" -> dynamicNetwork(path, entry, name, azNames);
      default -> {
        onlyKeys(doc, path, entry, Set.of("name", "type", "cloud_properties"));
        yield new VipNetwork(name, cloudProperties(path, entry));
      }
    };
  }

  private ManualNetwork manualNetwork(String path, Map<String, Object> entry, String name, List<String> azNames) {
    onlyKeys(doc, path, entry, Set.of("name", "type", "subnets"));
    List<Object> subnets = requiredNonEmpty(path, entry, "subnets", "a manual network needs at least one subnet");
    List<ManualSubnet> result = new ArrayList<>();
    for (int i = 0; i < subnets.size(); i++) {
      String subnetPath = item(child(path, "subnets"), i);
      ManualSubnet subnet = manualSubnet(subnetPath, map(doc, subnetPath, subnets.get(i)), azNames);
      for (ManualSubnet other : result) {
        if (other.addresses().range().asRange().overlaps(subnet.addresses().range().asRange())) {
          throw doc.fail(child(subnetPath, "range"), "range " + subnet.addresses().range() + " overlaps " + other.addresses().range() + " of " + other.path());
        }
      }
      result.add(subnet);
    }
    return new ManualNetwork(name, List.copyOf(result));
  }

  private ManualSubnet manualSubnet(String path, Map<String, Object> entry, List<String> azNames) {
    onlyKeys(doc, path, entry, Set.of("range", "gateway", "dns", "reserved", "static", "azs", "az", "cloud_properties"));
    Ipv4Cidr range = parsed(child(path, "range"), requiredString(doc, path, entry, "range"), Ipv4Cidr::parse);
    String gatewayPath = child(path, "gateway");
    Ipv4Address gateway = parsed(gatewayPath, requiredString(doc, path, entry, "gateway"), Ipv4Address::parse);
    if (!range.contains(gateway)) {
      throw doc.fail(gatewayPath, "gateway " + gateway + " is outside the subnet's range " + range);
    }
    if (gateway.equals(range.network()) || gateway.equals(range.broadcast())) {
      throw doc.fail(gatewayPath, "gateway " + gateway + " is the " + (gateway.equals(range.network()) ? "network" : "broadcast") + " address of " + range);
    }
    IpSet reserved = IpSet.of(ranges(path, entry, "reserved", range));
    List<IpRange> statics = ranges(path, entry, "static", range);
    for (int i = 0; i < statics.size(); i++) {
      checkStaticUsable(item(child(path, "static"), i), statics.get(i), reserved, range, gateway);
    }
    List<String> dns = addresses(path, entry, "dns");
    return new ManualSubnet(new SubnetAddresses(range, gateway, reserved, IpSet.of(statics)), dns, azs(path, entry, azNames), cloudProperties(path, entry), path);
  }

  /** Static addresses are handed to instances, so none may be reserved, the gateway, or the network/broadcast address. */
  private void checkStaticUsable(String path, IpRange statics, IpSet reserved, Ipv4Cidr range, Ipv4Address gateway) {
    Optional<Ipv4Address> common = IpSet.of(List.of(statics)).firstCommon(reserved);
    if (common.isPresent()) {
      throw doc.fail(path, "static " + statics + " overlaps the reserved addresses at " + common.get() + "; an address is either reserved or static");
    }
    for (Ipv4Address special : List.of(gateway, range.network(), range.broadcast())) {
      if (statics.contains(special)) {
        String what = special.equals(gateway) ? "the gateway" : special.equals(range.network()) ? "the network address" : "the broadcast address";
        throw doc.fail(path, "static " + statics + " includes " + what + " " + special + ", which no instance can use");
      }
    }
  }

  /** The entries of a {@code reserved} or {@code static} list, in the order written, each checked to lie in the range. */
  private List<IpRange> ranges(String path, Map<String, Object> entry, String key, Ipv4Cidr range) {
    Object value = entry.get(key);
    if (value == null) {
      return List.of();
    }
    List<String> entries = stringList(doc, child(path, key), value);
    List<IpRange> result = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String entryPath = item(child(path, key), i);
      IpRange parsed = parsed(entryPath, entries.get(i), IpRange::parse);
      if (!range.contains(parsed)) {
        throw doc.fail(entryPath, key + " " + parsed + " is outside the subnet's range " + range);
      }
      result.add(parsed);
    }
    return result;
  }

  private List<String> addresses(String path, Map<String, Object> entry, String key) {
    Object value = entry.get(key);
    if (value == null) {
      return List.of();
    }
    List<String> entries = stringList(doc, child(path, key), value);
    for (int i = 0; i < entries.size(); i++) {
      parsed(item(child(path, key), i), entries.get(i), Ipv4Address::parse);
    }
    return entries;
  }

  private List<String> azs(String path, Map<String, Object> entry, List<String> azNames) {
    if (entry.get("az") != null && entry.get("azs") != null) {
      throw doc.fail(child(path, "az"), "use either 'az' or 'azs', not both");
    }
    List<String> azs;
    String azsPath;
    if (entry.get("az") != null) {
      azsPath = child(path, "az");
      azs = List.of(string(doc, azsPath, entry.get("az")));
    } else if (entry.get("azs") != null) {
      azsPath = child(path, "azs");
      azs = stringList(doc, azsPath, entry.get("azs"));
    } else {
      return List.of();
    }
    for (int i = 0; i < azs.size(); i++) {
      if (!azNames.contains(azs.get(i))) {
        String where = entry.get("az") != null ? azsPath : item(azsPath, i);
        throw doc.fail(where, "unknown az '" + azs.get(i) + "' (" + defined("azs", azNames) + ")");
      }
    }
    return azs;
  }

  private DynamicNetwork dynamicNetwork(String path, Map<String, Object> entry, String name, List<String> azNames) {
    onlyKeys(doc, path, entry, Set.of("name", "type", "subnets", "dns", "cloud_properties"));
    if (entry.get("subnets") == null) {
      return new DynamicNetwork(name, List.of(new DynamicSubnet(addresses(path, entry, "dns"), List.of(), cloudProperties(path, entry))));
    }
    if (entry.get("dns") != null || entry.get("cloud_properties") != null) {
      throw doc.fail(child(path, "subnets"), "give 'dns' and 'cloud_properties' either on the network or on each subnet, not both");
    }
    List<Object> subnets = requiredNonEmpty(path, entry, "subnets", "list at least one subnet, or leave 'subnets' out");
    List<DynamicSubnet> result = new ArrayList<>();
    for (int i = 0; i < subnets.size(); i++) {
      String subnetPath = item(child(path, "subnets"), i);
      Map<String, Object> subnet = map(doc, subnetPath, subnets.get(i));
      onlyKeys(doc, subnetPath, subnet, Set.of("dns", "azs", "az", "cloud_properties"));
      result.add(new DynamicSubnet(addresses(subnetPath, subnet, "dns"), azs(subnetPath, subnet, azNames), cloudProperties(subnetPath, subnet)));
    }
    return new DynamicNetwork(name, List.copyOf(result));
  }

  private Compilation compilation(Map<String, Object> root, List<String> azNames, List<VmType> vmTypes, List<Network> networks) {
    String path = "compilation";
    Map<String, Object> entry = map(doc, path, required(doc, "", root, "compilation"));
    onlyKeys(doc, path, entry, Set.of("workers", "network", "az", "vm_type", "cloud_properties", "reuse_compilation_vms", "env"));
    long workers = integer(doc, child(path, "workers"), required(doc, path, entry, "workers"));
    if (workers < 1 || workers > 1000) {
      throw doc.fail(child(path, "workers"), "must be between 1 and 1000, got " + workers);
    }
    String networkName = requiredString(doc, path, entry, "network");
    Network network = networks.stream().filter(n -> n.name().equals(networkName)).findFirst()
        .orElseThrow(() -> doc.fail(child(path, "network"), "unknown network '" + networkName + "' (" + defined("networks", networks.stream().map(Network::name).toList()) + ")"));
    if (network instanceof VipNetwork) {
      throw doc.fail(child(path, "network"), "network '" + networkName + "' is a vip network; compilation VMs need a manual or dynamic network");
    }
    Optional<String> az = optionalString(doc, path, entry, "az");
    if (az.isEmpty() && !azNames.isEmpty()) {
      throw doc.fail(path, "missing required field 'az': this cloud-config defines azs (" + String.join(", ", azNames) + "), so compilation must name one");
    }
    if (az.isPresent() && !azNames.contains(az.get())) {
      throw doc.fail(child(path, "az"), "unknown az '" + az.get() + "' (" + defined("azs", azNames) + ")");
    }
    String zone = az.orElse(null);
    boolean served = network instanceof ManualNetwork manual ? !manual.subnetsServing(zone).isEmpty() : ((DynamicNetwork) network).serves(zone);
    if (!served) {
      throw doc.fail(child(path, az.isPresent() ? "az" : "network"), "network '" + networkName + "' has no subnet in " + (zone == null ? "no az" : "az '" + zone + "'"));
    }
    Optional<String> vmType = optionalString(doc, path, entry, "vm_type");
    boolean inline = entry.get("cloud_properties") != null;
    if (vmType.isPresent() == inline) {
      throw doc.fail(path, "give exactly one of 'vm_type' and 'cloud_properties' for compilation VMs");
    }
    if (vmType.isPresent() && vmTypes.stream().noneMatch(v -> v.name().equals(vmType.get()))) {
      throw doc.fail(child(path, "vm_type"), "unknown vm_type '" + vmType.get() + "' (" + defined("vm_types", vmTypes.stream().map(VmType::name).toList()) + ")");
    }
    boolean reuse = entry.get("reuse_compilation_vms") != null && bool(doc, child(path, "reuse_compilation_vms"), entry.get("reuse_compilation_vms"));
    return new Compilation((int) workers, networkName, az, vmType, cloudProperties(path, entry), reuse, frozenMap(optionalMap(doc, path, entry, "env")));
  }

  private List<Object> requiredNonEmpty(String path, Map<String, Object> entry, String key, String hint) {
    List<Object> items = list(doc, child(path, key), required(doc, path, entry, key));
    if (items.isEmpty()) {
      throw doc.fail(child(path, key), "must not be empty: " + hint);
    }
    return items;
  }

  private <T> T parsed(String path, String text, Function<String, T> parser) {
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw doc.fail(path, e.getMessage());
    }
  }

  static String defined(String section, List<String> names) {
    return names.isEmpty() ? "the cloud-config defines no " + section : "defined: " + String.join(", ", names);
  }
}
