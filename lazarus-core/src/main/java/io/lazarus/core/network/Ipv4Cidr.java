package io.lazarus.core.network;

/**
 * A network in CIDR notation such as {@code 10.0.0.0/24}. The address must be the network's first address: a
 * {@code 10.0.0.5/24} is refused rather than silently widened, since it usually hides a typo.
 */
public record Ipv4Cidr(Ipv4Address network, int prefixLength) {
  public Ipv4Cidr {
    if (prefixLength < 0 || prefixLength > 32) {
      throw new IllegalArgumentException("prefix length /" + prefixLength + " is not between /0 and /32");
    }
    if ((network.value() & ~mask(prefixLength) & Ipv4Address.MAX) != 0) {
      Ipv4Address aligned = new Ipv4Address(network.value() & mask(prefixLength));
      throw new IllegalArgumentException(
          "'" + network + "/" + prefixLength + "' is not a network address; did you mean '" + aligned + "/" + prefixLength + "'?");
    }
  }

  /**
   * Parses {@code address/prefix}.
   *
   * @throws IllegalArgumentException naming the text
   */
  public static Ipv4Cidr parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("'" + text + "' is not a CIDR range such as 10.0.0.0/24");
    }
    String prefix = text.substring(slash + 1).trim();
    if (prefix.isEmpty() || prefix.length() > 2 || !prefix.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("'" + text + "' is not a CIDR range such as 10.0.0.0/24");
    }
    return new Ipv4Cidr(Ipv4Address.parse(text.substring(0, slash)), Integer.parseInt(prefix));
  }

  private static long mask(int prefixLength) {
    return prefixLength == 0 ? 0 : (Ipv4Address.MAX << (32 - prefixLength)) & Ipv4Address.MAX;
  }

  public Ipv4Address broadcast() {
    return new Ipv4Address(network.value() | (~mask(prefixLength) & Ipv4Address.MAX));
  }

  /** The netmask in dotted-quad form, as agents' network settings carry it. */
  public Ipv4Address netmask() {
    return new Ipv4Address(mask(prefixLength));
  }

  public IpRange asRange() {
    return new IpRange(network, broadcast());
  }

  public boolean contains(Ipv4Address address) {
    return asRange().contains(address);
  }

  public boolean contains(IpRange range) {
    return contains(range.first()) && contains(range.last());
  }

  @Override
  public String toString() {
    return network + "/" + prefixLength;
  }
}
