package io.lazarus.core.planning;

import io.lazarus.core.cloudconfig.CloudConfig;
import io.lazarus.core.cloudconfig.DynamicNetwork;
import io.lazarus.core.cloudconfig.DynamicSubnet;
import io.lazarus.core.cloudconfig.ManualNetwork;
import io.lazarus.core.cloudconfig.ManualSubnet;
import io.lazarus.core.cloudconfig.Network;
import io.lazarus.core.cloudconfig.VipNetwork;
import io.lazarus.core.manifest.InstanceGroup;
import io.lazarus.core.manifest.InstanceGroupNetwork;
import io.lazarus.core.manifest.StaticIp;
import io.lazarus.core.network.DynamicIpAllocator;
import io.lazarus.core.network.Ipv4Address;
import io.lazarus.core.yaml.YamlValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks instance groups' networks against the cloud-config and gives every instance its addresses.
 *
 * <p>Order matters for stability: first every static IP of the manifest and every address used elsewhere is taken;
 * then existing instances keep their dynamic addresses where still valid; then every other address an existing
 * instance holds is held back; only then do new instances get the lowest free address, in manifest order and by
 * index.
 */
final class NetworkAssignment {
  private static final List<String> ALL_DEFAULTS = List.of("dns", "gateway");

  private final CloudConfig cloud;
  private final ExistingState existing;
  private final Problems problems;
  private final Set<Ipv4Address> taken = new HashSet<>();
  private final Map<Ipv4Address, String> staticOwners = new HashMap<>();
  private final Map<InstanceId, Map<String, Address>> addresses = new HashMap<>();

  /** An address on a manual network: from {@code subnet}, static or dynamic. */
  private record Address(Ipv4Address ip, ManualSubnet subnet, boolean isStatic) {}

  /** One instance on one manual network that needs a dynamic address. */
  private record Slot(InstanceId id, String az, String network, ManualNetwork cloudNetwork, String path) {}

  NetworkAssignment(CloudConfig cloud, ExistingState existing, Problems problems) {
    this.cloud = cloud;
    this.existing = existing;
    this.problems = problems;
    taken.addAll(existing.ipsUsedElsewhere());
  }

  /**
   * Checks and assigns addresses for {@code groups}. Groups naming an unknown az are checked for everything that
   * does not depend on placement (so their other problems are reported too) but get no addresses.
   */
  void assign(List<InstanceGroup> groups, Set<String> groupsWithUnknownAzs) {
    List<Slot> slots = new ArrayList<>();
    for (InstanceGroup group : groups) {
      int before = problems.count();
      boolean azsKnown = !groupsWithUnknownAzs.contains(group.name());
      checkNetworks(group, azsKnown);
      if (problems.count() > before || !azsKnown) {
        continue; // the plan will be refused; placing this group would only add echoes of its problems
      }
      for (int index = 0; index < group.instances(); index++) {
        InstanceId id = new InstanceId(group.name(), index);
        for (InstanceGroupNetwork network : group.networks()) {
          if (cloud.network(network.name()).orElseThrow() instanceof ManualNetwork manual && network.staticIps().isEmpty()) {
            slots.add(new Slot(id, azOf(group, index), network.name(), manual, network.path()));
          }
        }
      }
    }
    List<Slot> unassigned = new ArrayList<>();
    for (Slot slot : slots) {
      if (!keepExisting(slot)) {
        unassigned.add(slot);
      }
    }
    // Addresses existing instances hold but do not keep (deleted, or moved to another network) stay unused this
    // time: the old VM may still have them while new VMs are created.
    existing.instances().values().forEach(ips -> taken.addAll(ips.values()));
    for (Slot slot : unassigned) {
      allocate(slot);
    }
  }

  /** Round-robin placement: instance {@code i} goes to the group's {@code azs[i mod n]}; null when it lists none. */
  static String azOf(InstanceGroup group, int index) {
    return group.azs().isEmpty() ? null : group.azs().get(index % group.azs().size());
  }

  private void checkNetworks(InstanceGroup group, boolean azsKnown) {
    List<String> nonVip = new ArrayList<>();
    for (InstanceGroupNetwork network : group.networks()) {
      Optional<Network> cloudNetwork = cloud.network(network.name());
      if (cloudNetwork.isEmpty()) {
        problems.add(YamlValues.child(network.path(), "name"), "instance group '" + group.name() + "': network '" + network.name() + "' is not defined in the cloud-config (defined: "
            + Wording.list(cloud.networkNames()) + ")" + Wording.didYouMean(network.name(), cloud.networkNames()));
        continue;
      }
      switch (cloudNetwork.get()) {
        case ManualNetwork manual -> {
          nonVip.add(network.name());
          if (azsKnown) {
            checkServesAzs(group, network, manual.azs(), az -> !manual.subnetsServing(az).isEmpty());
          }
          if (!network.staticIps().isEmpty()) {
            checkStaticCount(group, network, "static IP", "static IPs");
            checkManualStatics(group, network, manual, azsKnown);
          }
        }
        case DynamicNetwork dynamic -> {
          nonVip.add(network.name());
          if (azsKnown) {
            checkServesAzs(group, network, dynamic.azs(), dynamic::serves);
          }
          if (!network.staticIps().isEmpty()) {
            problems.add(YamlValues.child(network.path(), "static_ips"), "instance group '" + group.name() + "': network '" + network.name()
                + "' is dynamic (the cloud assigns its addresses), so it cannot have 'static_ips'; use a manual network for fixed addresses");
          }
        }
        case VipNetwork vip -> {
          checkStaticCount(group, network, "vip address", "vip addresses");
          for (int i = 0; i < network.staticIps().size(); i++) {
            claimStatic(group, network.staticIps().get(i), i);
          }
        }
      }
    }
    if (nonVip.size() > 1) {
      for (String kind : ALL_DEFAULTS) {
        List<String> claiming = group.networks().stream().filter(n -> nonVip.contains(n.name()) && n.defaults().contains(kind)).map(InstanceGroupNetwork::name).toList();
        if (claiming.size() != 1) {
          problems.add(YamlValues.child(group.path(), "networks"), "instance group '" + group.name() + "' has " + nonVip.size() + " networks (" + String.join(", ", nonVip)
              + "), so exactly one must be the default for " + kind + (claiming.isEmpty() ? "" : ", not " + String.join(" and ", claiming))
              + "; add 'default: [dns, gateway]' to the network that should carry it");
        }
      }
    }
  }

  private void checkServesAzs(InstanceGroup group, InstanceGroupNetwork network, List<String> networkAzs, Predicate<String> serves) {
    List<String> azs = group.azs().isEmpty() ? Collections.singletonList(null) : group.azs();
    for (String az : azs) {
      if (!serves.test(az)) {
        String where = az == null ? "without an az (the instance group lists no 'azs')" : "in az '" + az + "'";
        String served = networkAzs.isEmpty() ? "its subnets name no azs; add 'azs' to them in the cloud-config" : "its subnets serve: " + Wording.list(networkAzs);
        problems.add(YamlValues.child(network.path(), "name"), "instance group '" + group.name() + "': network '" + network.name() + "' has no subnet " + where + " (" + served + ")");
      }
    }
  }

  private void checkStaticCount(InstanceGroup group, InstanceGroupNetwork network, String singular, String plural) {
    if (network.staticIps().size() != group.instances()) {
      problems.add(YamlValues.child(network.path(), "static_ips"), "instance group '" + group.name() + "' has " + Wording.count(group.instances(), "instance", "instances")
          + " but " + Wording.count(network.staticIps().size(), singular, plural) + " on network '" + network.name() + "'; give exactly one per instance");
    }
  }

  private void checkManualStatics(InstanceGroup group, InstanceGroupNetwork network, ManualNetwork manual, boolean azsKnown) {
    for (int i = 0; i < network.staticIps().size(); i++) {
      StaticIp staticIp = network.staticIps().get(i);
      Ipv4Address ip = staticIp.address();
      String subject = "instance group '" + group.name() + "': static IP " + ip;
      Optional<ManualSubnet> subnet = manual.subnets().stream().filter(s -> s.addresses().range().contains(ip)).findFirst();
      if (subnet.isEmpty()) {
        problems.add(staticIp.path(), subject + " is not in any subnet of network '" + network.name() + "' ("
            + String.join(", ", manual.subnets().stream().map(s -> s.addresses().range().toString()).toList()) + ")");
        continue;
      }
      var addressing = subnet.get().addresses();
      if (addressing.reserved().contains(ip)) {
        problems.add(staticIp.path(), subject + " is reserved in the cloud-config (" + subnet.get().path() + ".reserved: " + addressing.reserved() + ")");
        continue;
      }
      if (!addressing.isStaticCandidate(ip)) {
        problems.add(staticIp.path(), subject + " is not in the static range of subnet " + addressing.range() + " (static: " + addressing.statics()
            + "); choose one from it, or add it to " + subnet.get().path() + ".static in the cloud-config");
        continue;
      }
      if (!claimStatic(group, staticIp, i) || i >= group.instances() || !azsKnown) {
        continue;
      }
      String az = azOf(group, i);
      if (!subnet.get().serves(az)) {
        problems.add(staticIp.path(), subject + " is in subnet " + addressing.range() + ", which serves azs " + Wording.list(subnet.get().azs()) + ", but " + group.name() + "/" + i
            + " is placed in az '" + az + "' (azs are assigned in turn: " + String.join(", ", group.azs()) + "); order 'static_ips' to follow the azs");
        continue;
      }
      addresses.computeIfAbsent(new InstanceId(group.name(), i), k -> new HashMap<>()).put(network.name(), new Address(ip, subnet.get(), true));
    }
  }

  /** Records a static IP as taken; false (with a problem) when another instance or deployment already has it. */
  private boolean claimStatic(InstanceGroup group, StaticIp staticIp, int index) {
    String owner = group.name() + "/" + index + " (" + staticIp.path() + ")";
    String previous = staticOwners.putIfAbsent(staticIp.address(), owner);
    if (previous != null) {
      problems.add(staticIp.path(), "instance group '" + group.name() + "': static IP " + staticIp.address() + " is already given to " + previous + "; each instance needs its own");
      return false;
    }
    if (existing.ipsUsedElsewhere().contains(staticIp.address())) {
      problems.add(staticIp.path(), "instance group '" + group.name() + "': static IP " + staticIp.address() + " is already in use by another deployment");
      return false;
    }
    taken.add(staticIp.address());
    return true;
  }

  /** Keeps an existing instance's address when it is still a valid, free dynamic address for the instance's az. */
  private boolean keepExisting(Slot slot) {
    Ipv4Address ip = existing.instances().getOrDefault(slot.id(), Map.of()).get(slot.network());
    if (ip == null || taken.contains(ip)) {
      return false;
    }
    for (ManualSubnet subnet : slot.cloudNetwork().subnetsServing(slot.az())) {
      if (subnet.addresses().isDynamicCandidate(ip)) {
        taken.add(ip);
        addresses.computeIfAbsent(slot.id(), k -> new HashMap<>()).put(slot.network(), new Address(ip, subnet, false));
        return true;
      }
    }
    return false;
  }

  private void allocate(Slot slot) {
    List<ManualSubnet> subnets = slot.cloudNetwork().subnetsServing(slot.az());
    for (ManualSubnet subnet : subnets) {
      Optional<Ipv4Address> ip = DynamicIpAllocator.lowestFree(subnet.addresses(), taken);
      if (ip.isPresent()) {
        taken.add(ip.get());
        addresses.computeIfAbsent(slot.id(), k -> new HashMap<>()).put(slot.network(), new Address(ip.get(), subnet, false));
        return;
      }
    }
    String capacity = String.join(", ", subnets.stream().map(s -> s.addresses().range() + " has " + DynamicIpAllocator.capacity(s.addresses()) + " dynamic addresses").toList());
    problems.add(YamlValues.child(slot.path(), "name"), "network '" + slot.network() + "' has no free dynamic IP left for " + slot.id() + (slot.az() == null ? "" : " in az '" + slot.az() + "'")
        + " (" + capacity + ", all taken); widen the subnet, shrink 'reserved'/'static', or use fewer instances");
  }

  /** The networks of one instance as the agent needs them; only valid after {@link #assign} found no problem. */
  List<InstanceNetwork> networksOf(InstanceGroup group, int index) {
    InstanceId id = new InstanceId(group.name(), index);
    String az = azOf(group, index);
    long nonVip = group.networks().stream().filter(n -> !(cloud.network(n.name()).orElseThrow() instanceof VipNetwork)).count();
    List<InstanceNetwork> result = new ArrayList<>();
    for (InstanceGroupNetwork network : group.networks()) {
      Network cloudNetwork = cloud.network(network.name()).orElseThrow();
      List<String> defaults = nonVip == 1 && !(cloudNetwork instanceof VipNetwork) ? ALL_DEFAULTS : network.defaults();
      result.add(switch (cloudNetwork) {
        case ManualNetwork manual -> {
          Address address = addresses.get(id).get(network.name());
          var addressing = address.subnet().addresses();
          yield new InstanceNetwork(network.name(), manual.type(), Optional.of(address.ip()), address.isStatic(), Optional.of(addressing.range()), Optional.of(addressing.gateway()),
              address.subnet().dns(), defaults, address.subnet().cloudProperties());
        }
        case DynamicNetwork dynamic -> {
          DynamicSubnet subnet = dynamic.subnets().stream().filter(s -> s.serves(az)).findFirst().orElseThrow();
          yield new InstanceNetwork(network.name(), dynamic.type(), Optional.empty(), false, Optional.empty(), Optional.empty(), subnet.dns(), defaults, subnet.cloudProperties());
        }
        case VipNetwork vip -> new InstanceNetwork(network.name(), vip.type(), Optional.of(network.staticIps().get(index).address()), true, Optional.empty(), Optional.empty(),
            List.of(), defaults, vip.cloudProperties());
      });
    }
    return List.copyOf(result);
  }
}
