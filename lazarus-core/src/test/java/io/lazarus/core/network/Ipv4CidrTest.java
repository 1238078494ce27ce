package io.lazarus.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Ipv4CidrTest {

  @Test
  void knowsItsBoundsAndNetmask() {
    Ipv4Cidr cidr = Ipv4Cidr.parse("127.10.0.0/24");
    assertThat(cidr.broadcast()).hasToString("127.10.0.255");
    assertThat(cidr.netmask()).hasToString("255.255.255.0");
    assertThat(cidr.contains(Ipv4Address.parse("127.10.0.200"))).isTrue();
    assertThat(cidr.contains(Ipv4Address.parse("127.10.1.0"))).isFalse();
    assertThat(cidr.contains(IpRange.parse("127.10.0.250 - 127.10.1.2"))).isFalse();
    assertThat(Ipv4Cidr.parse("0.0.0.0/0").broadcast()).hasToString("255.255.255.255");
    assertThat(Ipv4Cidr.parse("10.1.2.3/32").broadcast()).hasToString("10.1.2.3");
  }

  @Test
  void refusesHostBitsAndBadPrefixes() {
    assertThatThrownBy(() -> Ipv4Cidr.parse("10.0.0.5/24")).hasMessage("'10.0.0.5/24' is not a network address; did you mean '10.0.0.0/24'?");
    assertThatThrownBy(() -> Ipv4Cidr.parse("10.0.0.0/33")).hasMessage("prefix length /33 is not between /0 and /32");
    assertThatThrownBy(() -> Ipv4Cidr.parse("10.0.0.0")).hasMessage("'10.0.0.0' is not a CIDR range such as 10.0.0.0/24");
    assertThatThrownBy(() -> Ipv4Cidr.parse("10.0.0.0/x")).hasMessage("'10.0.0.0/x' is not a CIDR range such as 10.0.0.0/24");
  }
}
