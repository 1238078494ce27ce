package io.lazarus.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IpRangeTest {

  @Test
  void readsSingleAddressesAndDashedRangesWithOrWithoutSpaces() {
    assertThat(IpRange.parse("10.0.0.5")).isEqualTo(IpRange.of(Ipv4Address.parse("10.0.0.5")));
    assertThat(IpRange.parse("10.0.0.2 - 10.0.0.9").size()).isEqualTo(8);
    assertThat(IpRange.parse("10.0.0.2-10.0.0.9")).isEqualTo(IpRange.parse("10.0.0.2 - 10.0.0.9")).hasToString("10.0.0.2 - 10.0.0.9");
  }

  @Test
  void refusesBackwardsAndMalformedRanges() {
    assertThatThrownBy(() -> IpRange.parse("10.0.0.9 - 10.0.0.2")).hasMessage("range '10.0.0.9 - 10.0.0.2' ends before it starts");
    assertThatThrownBy(() -> IpRange.parse("10.0.0.1-10.0.0.2-10.0.0.3")).hasMessage("'10.0.0.1-10.0.0.2-10.0.0.3' is not an IP or a range 'first - last'");
    assertThatThrownBy(() -> IpRange.parse("10.0.0.1 - ")).hasMessage("' ' is not an IPv4 address");
  }

  @Test
  void setsMergeAdjacentAndOverlappingRanges() {
    IpSet set = IpSet.of(List.of(IpRange.parse("10.0.0.10 - 10.0.0.20"), IpRange.parse("10.0.0.2"), IpRange.parse("10.0.0.21 - 10.0.0.22"), IpRange.parse("10.0.0.15 - 10.0.0.16")));
    assertThat(set.ranges()).containsExactly(IpRange.parse("10.0.0.2"), IpRange.parse("10.0.0.10 - 10.0.0.22"));
    assertThat(set.size()).isEqualTo(14);
    assertThat(set.contains(Ipv4Address.parse("10.0.0.22"))).isTrue();
    assertThat(set.contains(Ipv4Address.parse("10.0.0.23"))).isFalse();
    assertThat(set.firstCommon(IpSet.of(List.of(IpRange.parse("10.0.0.20 - 10.0.0.30"))))).contains(Ipv4Address.parse("10.0.0.20"));
    assertThat(set.countWithin(IpRange.parse("10.0.0.0 - 10.0.0.12"))).isEqualTo(4);
    assertThat(set).hasToString("10.0.0.2, 10.0.0.10 - 10.0.0.22");
  }
}
