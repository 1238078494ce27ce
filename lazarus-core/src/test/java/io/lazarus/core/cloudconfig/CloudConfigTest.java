package io.lazarus.core.cloudconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.core.network.Ipv4Address;
import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.core.yaml.YamlException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudConfigTest {
  static final String LOCAL =
      """
      azs:
      - name: z1
        cloud_properties: {zone: local-1}
      vm_types:
      - name: default
        cloud_properties: {cpu: 1, ram: 512}
      disk_types:
      - name: default
        disk_size: 1024
      networks:
      - name: default
        type: manual
        subnets:
        - range: 127.10.0.0/24
          gateway: 127.10.0.1
          dns: [127.0.0.53]
          reserved: [127.10.0.2 - 127.10.0.9]
          static: [127.10.0.10 - 127.10.0.30]
          az: z1
          cloud_properties: {bridge: lz0}
      compilation:
        workers: 2
        network: default
        az: z1
        vm_type: default
        reuse_compilation_vms: true
      """;

  static CloudConfig parse(String text) {
    return CloudConfig.parse(YamlDocument.parse("cloud.yml", text));
  }

  static void assertFails(String text, String message) {
    assertThatThrownBy(() -> parse(text)).isInstanceOf(YamlException.class).hasMessage(message);
  }

  @Test
  void readsALocalCloudConfig() {
    CloudConfig cloud = parse(LOCAL);
    assertThat(cloud.azNames()).containsExactly("z1");
    assertThat(cloud.az("z1").orElseThrow().cloudProperties()).isEqualTo(Map.of("zone", "local-1"));
    assertThat(cloud.vmType("default").orElseThrow().cloudProperties()).containsEntry("ram", 512);
    assertThat(cloud.diskType("default").orElseThrow().diskSizeMb()).isEqualTo(1024);
    ManualNetwork network = (ManualNetwork) cloud.network("default").orElseThrow();
    ManualSubnet subnet = network.subnets().get(0);
    assertThat(subnet.addresses().range()).hasToString("127.10.0.0/24");
    assertThat(subnet.addresses().gateway()).isEqualTo(Ipv4Address.parse("127.10.0.1"));
    assertThat(subnet.addresses().reserved()).hasToString("127.10.0.2 - 127.10.0.9");
    assertThat(subnet.addresses().statics()).hasToString("127.10.0.10 - 127.10.0.30");
    assertThat(subnet.azs()).containsExactly("z1");
    assertThat(subnet.dns()).containsExactly("127.0.0.53");
    assertThat(subnet.path()).isEqualTo("networks[0].subnets[0]");
    assertThat(network.subnetsServing("z1")).containsExactly(subnet);
    assertThat(network.subnetsServing("z2")).isEmpty();
    assertThat(cloud.compilation()).isEqualTo(new Compilation(2, "default", java.util.Optional.of("z1"), java.util.Optional.of("default"), Map.of(), true, Map.of()));
  }

  @Test
  void readsAnchorsMergesAndEveryNetworkType() {
    CloudConfig cloud = parse(
        """
        azs:
        - {name: z1, cloud_properties: {zone: a}}
        - {name: z2, cloud_properties: {zone: b}}
        vm_types:
        - &small {name: small, cloud_properties: &small_props {cpu: 1, ram: 1024}}
        - name: large
          cloud_properties:
            <<: *small_props
            ram: 8192
        vm_extensions:
        - {name: public-lb, cloud_properties: {lb: web}}
        disk_types:
        - {name: ssd, disk_size: 10240, cloud_properties: {type: gp3}}
        networks:
        - name: private
          subnets:
          - &subnet
            range: 10.0.0.0/24
            gateway: 10.0.0.1
            reserved: [10.0.0.2-10.0.0.3, 10.0.0.255]
            azs: [z1]
          - <<: *subnet
            range: 10.0.1.0/24
            gateway: 10.0.1.1
            reserved: [10.0.1.2-10.0.1.3]
            azs: [z2]
        - name: dhcp
          type: dynamic
          dns: [8.8.8.8]
          cloud_properties: {net: dhcp}
        - name: public
          type: vip
        compilation:
          workers: 3
          network: private
          az: z2
          cloud_properties: {cpu: 4}
        """);
    assertThat(cloud.vmType("large").orElseThrow().cloudProperties()).isEqualTo(Map.of("cpu", 1, "ram", 8192));
    ManualNetwork privateNet = (ManualNetwork) cloud.network("private").orElseThrow();
    assertThat(privateNet.azs()).containsExactly("z1", "z2");
    assertThat(privateNet.subnets().get(1).addresses().range()).hasToString("10.0.1.0/24");
    DynamicNetwork dhcp = (DynamicNetwork) cloud.network("dhcp").orElseThrow();
    assertThat(dhcp.subnets()).containsExactly(new DynamicSubnet(List.of("8.8.8.8"), List.of(), Map.of("net", "dhcp")));
    assertThat(cloud.network("public").orElseThrow()).isInstanceOf(VipNetwork.class);
    assertThat(cloud.compilation().vmType()).isEmpty();
    assertThat(cloud.compilation().cloudProperties()).isEqualTo(Map.of("cpu", 4));
    assertThat(cloud.vmExtensionNames()).containsExactly("public-lb");
  }

  @Test
  void staticEntryOutsideTheRangeNamesItsPathAndLine() {
    assertFails(LOCAL.replace("static: [127.10.0.10 - 127.10.0.30]", "static:\n    - 127.10.0.10\n    - 127.10.0.11\n    - 127.10.1.12"),
        "cloud.yml: line 21: 'networks[0].subnets[0].static[2]': static 127.10.1.12 is outside the subnet's range 127.10.0.0/24");
  }

  @Test
  void secondSubnetErrorsNameTheSecondSubnet() {
    String twoSubnets = LOCAL.replace("    cloud_properties: {bridge: lz0}\n",
        "    cloud_properties: {bridge: lz0}\n  - range: 127.11.0.0/24\n    gateway: 127.11.0.1\n    static: [127.11.0.10, 127.11.0.11, 127.11.0.1]\n");
    assertFails(twoSubnets, "cloud.yml: line 23: 'networks[0].subnets[1].static[2]': static 127.11.0.1 includes the gateway 127.11.0.1, which no instance can use");
  }

  @Test
  void staticAndReservedMustNotOverlap() {
    assertFails(LOCAL.replace("static: [127.10.0.10 - 127.10.0.30]", "static: [127.10.0.8 - 127.10.0.30]"),
        "cloud.yml: line 18: 'networks[0].subnets[0].static[0]': static 127.10.0.8 - 127.10.0.30 overlaps the reserved addresses at 127.10.0.8; an address is either reserved or static");
  }

  @Test
  void rangeMustBeACidrNetwork() {
    assertFails(LOCAL.replace("range: 127.10.0.0/24", "range: 127.10.0.1/24"),
        "cloud.yml: line 14: 'networks[0].subnets[0].range': '127.10.0.1/24' is not a network address; did you mean '127.10.0.0/24'?");
    assertFails(LOCAL.replace("range: 127.10.0.0/24", "range: 127.10.0.0"),
        "cloud.yml: line 14: 'networks[0].subnets[0].range': '127.10.0.0' is not a CIDR range such as 10.0.0.0/24");
  }

  @Test
  void gatewayMustBeInsideTheRange() {
    assertFails(LOCAL.replace("gateway: 127.10.0.1", "gateway: 127.10.1.1"),
        "cloud.yml: line 15: 'networks[0].subnets[0].gateway': gateway 127.10.1.1 is outside the subnet's range 127.10.0.0/24");
    assertFails(LOCAL.replace("gateway: 127.10.0.1", "gateway: 127.10.0.255"),
        "cloud.yml: line 15: 'networks[0].subnets[0].gateway': gateway 127.10.0.255 is the broadcast address of 127.10.0.0/24");
  }

  @Test
  void reservedEntriesMustBeAddressesOrRanges() {
    assertFails(LOCAL.replace("reserved: [127.10.0.2 - 127.10.0.9]", "reserved: [127.10.0.2 to 127.10.0.9]"),
        "cloud.yml: line 17: 'networks[0].subnets[0].reserved[0]': '127.10.0.2 to 127.10.0.9' is not an IPv4 address");
    assertFails(LOCAL.replace("reserved: [127.10.0.2 - 127.10.0.9]", "reserved: [127.10.0.9 - 127.10.0.2]"),
        "cloud.yml: line 17: 'networks[0].subnets[0].reserved[0]': range '127.10.0.9 - 127.10.0.2' ends before it starts");
  }

  @Test
  void subnetAzsMustBeDefined() {
    assertFails(LOCAL.replace("    az: z1\n", "    azs: [z1, z9]\n"),
        "cloud.yml: line 19: 'networks[0].subnets[0].azs[1]': unknown az 'z9' (defined: z1)");
    assertFails(LOCAL.replace("    az: z1\n", "    az: z1\n    azs: [z1]\n"),
        "cloud.yml: line 19: 'networks[0].subnets[0].az': use either 'az' or 'azs', not both");
  }

  @Test
  void namesAreUniquePerSection() {
    assertFails(LOCAL.replace("disk_size: 1024\n", "disk_size: 1024\n- name: default\n  disk_size: 2048\n"),
        "cloud.yml: line 10: 'disk_types[1].name': 'default' is already defined at disk_types[0]; names in 'disk_types' must be unique");
  }

  @Test
  void subnetsOfOneNetworkMustNotOverlap() {
    String overlapping = LOCAL.replace("    cloud_properties: {bridge: lz0}\n",
        "    cloud_properties: {bridge: lz0}\n  - range: 127.10.0.128/25\n    gateway: 127.10.0.129\n");
    assertFails(overlapping, "cloud.yml: line 21: 'networks[0].subnets[1].range': range 127.10.0.128/25 overlaps 127.10.0.0/24 of networks[0].subnets[0]");
  }

  @Test
  void compilationMustReferToDefinedThings() {
    assertFails(LOCAL.replace("  network: default\n", "  network: private\n"),
        "cloud.yml: line 23: 'compilation.network': unknown network 'private' (defined: default)");
    assertFails(LOCAL.replace("  az: z1\n  vm_type", "  az: z2\n  vm_type"),
        "cloud.yml: line 24: 'compilation.az': unknown az 'z2' (defined: z1)");
    assertFails(LOCAL.replace("  vm_type: default\n  reuse", "  vm_type: large\n  reuse"),
        "cloud.yml: line 25: 'compilation.vm_type': unknown vm_type 'large' (defined: default)");
    assertFails(LOCAL.replace("  vm_type: default\n  reuse", "  reuse"),
        "cloud.yml: line 21: 'compilation': give exactly one of 'vm_type' and 'cloud_properties' for compilation VMs");
    assertFails(LOCAL.replace("  az: z1\n  vm_type", "  vm_type"),
        "cloud.yml: line 21: 'compilation': missing required field 'az': this cloud-config defines azs (z1), so compilation must name one");
    assertFails(LOCAL.replace("compilation:\n", "unused:\n"), "cloud.yml: line 21: 'unused': unknown field 'unused' (allowed: azs, compilation, disk_types, networks, vm_extensions, vm_types)");
  }

  @Test
  void unknownKeysAndTypesAreNamed() {
    assertFails(LOCAL.replace("    gateway: 127.10.0.1\n", "    gateway: 127.10.0.1\n    gatway: 127.10.0.1\n"),
        "cloud.yml: line 16: 'networks[0].subnets[0].gatway': unknown field 'gatway' (allowed: az, azs, cloud_properties, dns, gateway, range, reserved, static)");
    assertFails(LOCAL.replace("  type: manual\n", "  type: bridged\n"),
        "cloud.yml: line 12: 'networks[0].type': unknown network type 'bridged' (allowed: dynamic, manual, vip)");
    assertFails(LOCAL.replace("disk_size: 1024", "disk_size: 1G"),
        "cloud.yml: line 9: 'disk_types[0].disk_size': expected an integer, got a string");
    assertFails(LOCAL.replace("dns: [127.0.0.53]", "dns: [localhost]"),
        "cloud.yml: line 16: 'networks[0].subnets[0].dns[0]': 'localhost' is not an IPv4 address");
  }

  @Test
  void topLevelExtensionKeysHoldAnchors() {
    CloudConfig cloud = parse("x-vm: &vm {cpu: 2, ram: 2048}\n" + LOCAL.replace("cloud_properties: {cpu: 1, ram: 512}", "cloud_properties: {<<: *vm, cpu: 4}"));
    assertThat(cloud.vmType("default").orElseThrow().cloudProperties()).isEqualTo(Map.of("cpu", 4, "ram", 2048));
  }

  @Test
  void compilationNetworkMustServeItsAz() {
    String twoAzs = LOCAL.replace("- name: z1\n", "- name: z1\n- name: z2\n").replace("  az: z1\n  vm_type", "  az: z2\n  vm_type");
    assertFails(twoAzs, "cloud.yml: line 25: 'compilation.az': network 'default' has no subnet in az 'z2'");
  }
}
