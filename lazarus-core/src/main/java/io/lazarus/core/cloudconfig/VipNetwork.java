package io.lazarus.core.cloudconfig;

import java.util.List;
import java.util.Map;

/** Public (virtual) addresses the cloud attaches to VMs; instances name theirs in {@code static_ips}. */
public record VipNetwork(String name, Map<String, Object> cloudProperties) implements Network {
  @Override
  public String type() {
    return "vip";
  }

  @Override
  public List<String> azs() {
    return List.of();
  }
}
