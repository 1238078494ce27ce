package io.lazarus.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class Ipv4AddressTest {

  @Test
  void parsesAndPrintsDottedQuads() {
    assertThat(Ipv4Address.parse("127.10.0.1").value()).isEqualTo((127L << 24) + (10L << 16) + 1);
    assertThat(Ipv4Address.parse(" 255.255.255.255 ")).hasToString("255.255.255.255");
    assertThat(Ipv4Address.parse("0.0.0.0").plus(258)).hasToString("0.0.1.2");
  }

  @Test
  void refusesWhatIsNotAnAddress() {
    for (String text : List.of("10.0.0", "10.0.0.256", "10.0.0.1.2", "a.b.c.d", "10.0.0.-1", "10.0.0.01", "", "10..0.1")) {
      assertThatThrownBy(() -> Ipv4Address.parse(text)).hasMessage("'" + text + "' is not an IPv4 address");
    }
    assertThatThrownBy(() -> Ipv4Address.parse("fe80::1")).hasMessage("'fe80::1' is an IPv6 address; only IPv4 is supported");
  }

  @Test
  void ordersNumericallyNotAsText() {
    assertThat(Ipv4Address.parse("10.0.0.9")).isLessThan(Ipv4Address.parse("10.0.0.10"));
  }
}
