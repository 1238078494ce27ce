package io.lazarus.core.network;

/**
 * The addressing of one manual subnet: its range, gateway, and the {@code reserved} (never handed out) and
 * {@code static} (only for instances that name them) sets. Consistency (gateway and sets inside the range, no
 * overlap) is checked when the cloud-config is parsed; this type only answers questions about addresses.
 */
public record SubnetAddresses(Ipv4Cidr range, Ipv4Address gateway, IpSet reserved, IpSet statics) {

  /** Why {@code address} can never be handed out dynamically here, or null when it can. */
  public String whyNotDynamic(Ipv4Address address) {
    if (!range.contains(address)) {
      return "outside " + range;
    }
    if (address.equals(range.network())) {
      return "the network address of " + range;
    }
    if (address.equals(range.broadcast())) {
      return "the broadcast address of " + range;
    }
    if (address.equals(gateway)) {
      return "the gateway";
    }
    if (reserved.contains(address)) {
      return "reserved";
    }
    if (statics.contains(address)) {
      return "in the static range";
    }
    return null;
  }

  public boolean isDynamicCandidate(Ipv4Address address) {
    return whyNotDynamic(address) == null;
  }

  /** Whether an instance may be given {@code address} as a static IP: it is listed in {@code static} and usable. */
  public boolean isStaticCandidate(Ipv4Address address) {
    return statics.contains(address)
        && !reserved.contains(address)
        && !address.equals(gateway)
        && !address.equals(range.network())
        && !address.equals(range.broadcast());
  }
}
