package io.lazarus.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DynamicIpAllocatorTest {
  private static final SubnetAddresses SUBNET = new SubnetAddresses(
      Ipv4Cidr.parse("127.10.0.0/24"),
      Ipv4Address.parse("127.10.0.1"),
      IpSet.of(List.of(IpRange.parse("127.10.0.2 - 127.10.0.9"))),
      IpSet.of(List.of(IpRange.parse("127.10.0.10 - 127.10.0.30"))));

  @Test
  void handsOutTheLowestAddressAfterGatewayReservedAndStatic() {
    assertThat(DynamicIpAllocator.lowestFree(SUBNET, Set.of())).contains(Ipv4Address.parse("127.10.0.31"));
  }

  @Test
  void skipsTakenAddressesAndFillsGaps() {
    Set<Ipv4Address> taken = Set.of(Ipv4Address.parse("127.10.0.31"), Ipv4Address.parse("127.10.0.33"));
    assertThat(DynamicIpAllocator.allocate(SUBNET, taken, 3)).extracting(Ipv4Address::toString).containsExactly("127.10.0.32", "127.10.0.34", "127.10.0.35");
  }

  @Test
  void neverHandsOutTheBroadcastAddressAndRunsOutCleanly() {
    SubnetAddresses tiny = new SubnetAddresses(Ipv4Cidr.parse("10.0.0.0/29"), Ipv4Address.parse("10.0.0.1"), IpSet.EMPTY, IpSet.of(List.of(IpRange.parse("10.0.0.2 - 10.0.0.3"))));
    assertThat(DynamicIpAllocator.allocate(tiny, Set.of(), 10)).extracting(Ipv4Address::toString).containsExactly("10.0.0.4", "10.0.0.5", "10.0.0.6");
    assertThat(DynamicIpAllocator.lowestFree(tiny, Set.of(Ipv4Address.parse("10.0.0.4"), Ipv4Address.parse("10.0.0.5"), Ipv4Address.parse("10.0.0.6")))).isEmpty();
    assertThat(DynamicIpAllocator.capacity(tiny)).isEqualTo(3);
    assertThat(DynamicIpAllocator.capacity(SUBNET)).isEqualTo(254 - 1 - 8 - 21);
  }

  @Test
  void explainsWhyAnAddressIsNotDynamic() {
    assertThat(SUBNET.whyNotDynamic(Ipv4Address.parse("127.10.0.1"))).isEqualTo("the gateway");
    assertThat(SUBNET.whyNotDynamic(Ipv4Address.parse("127.10.0.5"))).isEqualTo("reserved");
    assertThat(SUBNET.whyNotDynamic(Ipv4Address.parse("127.10.0.12"))).isEqualTo("in the static range");
    assertThat(SUBNET.whyNotDynamic(Ipv4Address.parse("127.10.0.255"))).isEqualTo("the broadcast address of 127.10.0.0/24");
    assertThat(SUBNET.whyNotDynamic(Ipv4Address.parse("127.10.1.1"))).isEqualTo("outside 127.10.0.0/24");
    assertThat(SUBNET.isStaticCandidate(Ipv4Address.parse("127.10.0.30"))).isTrue();
    assertThat(SUBNET.isStaticCandidate(Ipv4Address.parse("127.10.0.31"))).isFalse();
  }
}
