package io.lazarus.core.cloudconfig;

import io.lazarus.core.yaml.YamlDocument;
import java.util.List;
import java.util.Optional;

/**
 * A parsed, self-consistent cloud-config. Lookups by name return empty for unknown names; the planner turns that
 * into a problem naming the manifest line that used the name.
 *
 * @param document the source, kept so later checks can name cloud-config lines too
 */
public record CloudConfig(
    List<Az> azs,
    List<VmType> vmTypes,
    List<VmExtension> vmExtensions,
    List<DiskType> diskTypes,
    List<Network> networks,
    Compilation compilation,
    YamlDocument document) {

  /**
   * Reads and checks a cloud-config.
   *
   * @throws io.lazarus.core.yaml.YamlException naming the file, the path (e.g. {@code networks[0].subnets[1].static[2]})
   *     and the line of the first problem
   */
  public static CloudConfig parse(YamlDocument doc) {
    return new CloudConfigParser(doc).parse();
  }

  public Optional<Az> az(String name) {
    return azs.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  public Optional<VmType> vmType(String name) {
    return vmTypes.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  public Optional<VmExtension> vmExtension(String name) {
    return vmExtensions.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  public Optional<DiskType> diskType(String name) {
    return diskTypes.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  public Optional<Network> network(String name) {
    return networks.stream().filter(n -> n.name().equals(name)).findFirst();
  }

  public List<String> azNames() {
    return azs.stream().map(Az::name).toList();
  }

  public List<String> vmTypeNames() {
    return vmTypes.stream().map(VmType::name).toList();
  }

  public List<String> vmExtensionNames() {
    return vmExtensions.stream().map(VmExtension::name).toList();
  }

  public List<String> diskTypeNames() {
    return diskTypes.stream().map(DiskType::name).toList();
  }

  public List<String> networkNames() {
    return networks.stream().map(Network::name).toList();
  }
}
