package io.lazarus.core.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Hands out dynamic addresses of a manual subnet: always the lowest address that is not the network or broadcast
 * address, the gateway, reserved, static, or already taken. The same inputs give the same answer, so a plan can be
 * recomputed and compared.
 */
public final class DynamicIpAllocator {
  private DynamicIpAllocator() {}

  /** The lowest free dynamic address of {@code subnet}, or empty when every one is taken. */
  public static Optional<Ipv4Address> lowestFree(SubnetAddresses subnet, Set<Ipv4Address> taken) {
    List<Ipv4Address> one = allocate(subnet, taken, 1);
    return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
  }

  /**
   * The {@code count} lowest free dynamic addresses of {@code subnet}, ascending; fewer when the subnet runs out.
   * {@code taken} is not modified.
   */
  public static List<Ipv4Address> allocate(SubnetAddresses subnet, Set<Ipv4Address> taken, int count) {
    List<Ipv4Address> result = new ArrayList<>();
    long candidate = subnet.range().network().value() + 1;
    long end = subnet.range().broadcast().value() - 1;
    while (candidate <= end && result.size() < count) {
      Ipv4Address address = new Ipv4Address(candidate);
      Optional<IpRange> excluded = subnet.reserved().rangeContaining(address).or(() -> subnet.statics().rangeContaining(address));
      if (excluded.isPresent()) {
        candidate = excluded.get().last().value() + 1; // skip a whole reserved or static range at once
        continue;
      }
      if (!address.equals(subnet.gateway()) && !taken.contains(address)) {
        result.add(address);
      }
      candidate++;
    }
    return List.copyOf(result);
  }

  /** How many dynamic addresses {@code subnet} has in total, for "subnet full" messages. */
  public static long capacity(SubnetAddresses subnet) {
    long first = subnet.range().network().value() + 1;
    long last = subnet.range().broadcast().value() - 1;
    if (first > last) {
      return 0;
    }
    List<IpRange> excluded = new ArrayList<>(subnet.reserved().ranges());
    excluded.addAll(subnet.statics().ranges());
    excluded.add(IpRange.of(subnet.gateway()));
    return (last - first + 1) - IpSet.of(excluded).countWithin(new IpRange(new Ipv4Address(first), new Ipv4Address(last)));
  }
}
