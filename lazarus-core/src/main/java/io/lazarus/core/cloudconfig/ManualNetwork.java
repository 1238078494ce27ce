package io.lazarus.core.cloudconfig;

import java.util.List;

/** A network whose addresses the Director assigns from its subnets (static or dynamic). */
public record ManualNetwork(String name, List<ManualSubnet> subnets) implements Network {
  @Override
  public String type() {
    return "manual";
  }

  @Override
  public List<String> azs() {
    return subnets.stream().flatMap(s -> s.azs().stream()).distinct().toList();
  }

  /** The subnets an instance in {@code az} (null: no az) may use, in cloud-config order. */
  public List<ManualSubnet> subnetsServing(String az) {
    return subnets.stream().filter(s -> s.serves(az)).toList();
  }
}
