package io.lazarus.core.cloudconfig;

import io.lazarus.core.network.SubnetAddresses;
import java.util.List;
import java.util.Map;

/**
 * A subnet of a manual network: the Director assigns its addresses. {@code azs} is empty when the cloud-config
 * uses no azs. {@code path} is where it was written ({@code networks[0].subnets[1]}), for messages.
 */
public record ManualSubnet(SubnetAddresses addresses, List<String> dns, List<String> azs, Map<String, Object> cloudProperties, String path) {
  /** Whether an instance placed in {@code az} (null: no az) may use this subnet. */
  public boolean serves(String az) {
    return az == null ? azs.isEmpty() : azs.contains(az);
  }
}
