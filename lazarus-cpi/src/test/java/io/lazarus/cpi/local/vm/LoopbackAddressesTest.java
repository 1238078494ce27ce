package io.lazarus.cpi.local.vm;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.cpi.Network;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoopbackAddressesTest {
  @Test
  void loopbackIsAll127Slash8() {
    assertThat(LoopbackAddresses.isLoopback("127.0.0.1")).isTrue();
    assertThat(LoopbackAddresses.isLoopback("127.255.10.200")).isTrue();
    assertThat(LoopbackAddresses.isLoopback("128.0.0.1")).isFalse();
    assertThat(LoopbackAddresses.isLoopback("10.127.0.1")).isFalse();
    assertThat(LoopbackAddresses.isLoopback("127.0.0.256")).isFalse();
    assertThat(LoopbackAddresses.isLoopback("127.0.0")).isFalse();
    assertThat(LoopbackAddresses.isLoopback("::1")).isFalse();
    assertThat(LoopbackAddresses.isLoopback(null)).isFalse();
  }

  @Test
  void aManualNetworkOnAFreeLoopbackIpIsFine() {
    assertThat(LoopbackAddresses.problem(Map.of("n", Network.manual("127.10.0.5", null, null)), List.of("127.10.0.6")))
        .isEmpty();
  }

  @Test
  void namesWhatIsWrong() {
    assertThat(LoopbackAddresses.problem(Map.of(), List.of())).hasValueSatisfying(p -> assertThat(p).contains("none was given"));
    assertThat(LoopbackAddresses.problem(Map.of("n", Network.manual("127.10.0.5", null, null)), List.of("127.10.0.5")))
        .hasValueSatisfying(p -> assertThat(p).contains("network 'n'", "127.10.0.5 is already used"));
    assertThat(LoopbackAddresses.problem(Map.of("n", Network.manual("192.168.1.5", null, null)), List.of()))
        .hasValueSatisfying(p -> assertThat(p).contains("not a loopback address"));
    assertThat(LoopbackAddresses.problem(
        Map.of("n", new Network("dynamic", null, null, null, null, null, null)), List.of()))
        .hasValueSatisfying(p -> assertThat(p).contains("type 'dynamic'", "manual networks only"));
    assertThat(LoopbackAddresses.problem(Map.of("n", Network.manual(null, null, null)), List.of()))
        .hasValueSatisfying(p -> assertThat(p).contains("has no IP"));
  }
}
