package io.lazarus.core.network;

/**
 * An IPv4 address as an unsigned 32-bit value. Ordered numerically, printed in dotted-quad form.
 *
 * @param value the address, between 0 and 2^32-1
 */
public record Ipv4Address(long value) implements Comparable<Ipv4Address> {
  static final long MAX = 0xFFFF_FFFFL;

  public Ipv4Address {
    if (value < 0 || value > MAX) {
      throw new IllegalArgumentException("not an IPv4 address: " + value);
    }
  }

  /**
   * Parses dotted-quad text such as {@code 10.0.0.1}. Octets with leading zeros are refused because some tools
   * read them as octal.
   *
   * @throws IllegalArgumentException naming the text
   */
  public static Ipv4Address parse(String text) {
    String trimmed = text.trim();
    if (trimmed.contains(":")) {
      throw new IllegalArgumentException("'" + text + "' is an IPv6 address; only IPv4 is supported");
    }
    String[] octets = trimmed.split("\\.", -1);
    if (octets.length != 4) {
      throw notAnAddress(text);
    }
    long value = 0;
    for (String octet : octets) {
      if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit) || (octet.length() > 1 && octet.charAt(0) == '0')) {
        throw notAnAddress(text);
      }
      int number = Integer.parseInt(octet);
      if (number > 255) {
        throw notAnAddress(text);
      }
      value = (value << 8) | number;
    }
    return new Ipv4Address(value);
  }

  private static IllegalArgumentException notAnAddress(String text) {
    return new IllegalArgumentException("'" + text + "' is not an IPv4 address");
  }

  /** The address {@code offset} places after this one; the caller ensures the result stays in range. */
  public Ipv4Address plus(long offset) {
    return new Ipv4Address(value + offset);
  }

  @Override
  public int compareTo(Ipv4Address other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return ((value >> 24) & 0xFF) + "." + ((value >> 16) & 0xFF) + "." + ((value >> 8) & 0xFF) + "." + (value & 0xFF);
  }
}
