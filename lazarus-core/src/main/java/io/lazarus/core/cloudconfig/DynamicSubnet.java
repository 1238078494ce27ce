package io.lazarus.core.cloudconfig;

import java.util.List;
import java.util.Map;

/** A subnet of a dynamic network: the cloud assigns addresses (DHCP), the cloud-config only places it in azs. */
public record DynamicSubnet(List<String> dns, List<String> azs, Map<String, Object> cloudProperties) {
  public boolean serves(String az) {
    return az == null ? azs.isEmpty() : azs.contains(az);
  }
}
