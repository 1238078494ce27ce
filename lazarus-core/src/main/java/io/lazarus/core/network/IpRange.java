package io.lazarus.core.network;

/**
 * An inclusive range of IPv4 addresses, as cloud-configs write {@code reserved} and {@code static} entries: a single
 * address ({@code 10.0.0.5}) or two addresses joined by a dash, with or without spaces ({@code 10.0.0.2 - 10.0.0.9}).
 */
public record IpRange(Ipv4Address first, Ipv4Address last) implements Comparable<IpRange> {
  public IpRange {
    if (first.compareTo(last) > 0) {
      throw new IllegalArgumentException("range '" + first + " - " + last + "' ends before it starts");
    }
  }

  public static IpRange of(Ipv4Address address) {
    return new IpRange(address, address);
  }

  /**
   * Parses {@code a} or {@code a - b}.
   *
   * @throws IllegalArgumentException naming the text
   */
  public static IpRange parse(String text) {
    int dash = text.indexOf('-');
    if (dash < 0) {
      return of(Ipv4Address.parse(text));
    }
    if (text.indexOf('-', dash + 1) >= 0) {
      throw new IllegalArgumentException("'" + text + "' is not an IP or a range 'first - last'");
    }
    return new IpRange(Ipv4Address.parse(text.substring(0, dash)), Ipv4Address.parse(text.substring(dash + 1)));
  }

  public boolean contains(Ipv4Address address) {
    return first.compareTo(address) <= 0 && address.compareTo(last) <= 0;
  }

  public boolean overlaps(IpRange other) {
    return first.compareTo(other.last) <= 0 && other.first.compareTo(last) <= 0;
  }

  public long size() {
    return last.value() - first.value() + 1;
  }

  @Override
  public int compareTo(IpRange other) {
    int byFirst = first.compareTo(other.first);
    return byFirst != 0 ? byFirst : last.compareTo(other.last);
  }

  @Override
  public String toString() {
    return first.equals(last) ? first.toString() : first + " - " + last;
  }
}
