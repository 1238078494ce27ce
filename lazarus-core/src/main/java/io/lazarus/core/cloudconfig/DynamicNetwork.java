package io.lazarus.core.cloudconfig;

import java.util.List;

/**
 * A network whose addresses the cloud assigns. BOSH allows the single-subnet short form ({@code dns} and
 * {@code cloud_properties} on the network itself); it is read as one subnet without azs.
 */
public record DynamicNetwork(String name, List<DynamicSubnet> subnets) implements Network {
  @Override
  public String type() {
    return "dynamic";
  }

  @Override
  public List<String> azs() {
    return subnets.stream().flatMap(s -> s.azs().stream()).distinct().toList();
  }

  public boolean serves(String az) {
    return subnets.stream().anyMatch(s -> s.serves(az));
  }
}
