package io.lazarus.cpi;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One network of a VM as {@code create_vm} receives it: {@code networks.<name>} in BOSH's shape. {@code defaults} is
 * BOSH's {@code default} list (which of {@code dns} and {@code gateway} this network provides).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Network(
    String type,
    String ip,
    String netmask,
    String gateway,
    List<String> dns,
    @JsonProperty("default") List<String> defaults,
    Map<String, Object> cloudProperties) {

  public Network {
    dns = dns == null ? List.of() : List.copyOf(dns);
    defaults = defaults == null ? List.of() : List.copyOf(defaults);
    cloudProperties = cloudProperties == null ? Map.of() : cloudProperties;
  }

  /** A manual network with a static IP, providing dns and gateway. */
  public static Network manual(String ip, String netmask, String gateway) {
    return new Network("manual", ip, netmask, gateway, List.of(), List.of("dns", "gateway"), Map.of());
  }

  /** BOSH's type when none is given is manual. */
  @JsonIgnore
  public boolean isManual() {
    return type == null || type.equals("manual");
  }

  public boolean providesGateway() {
    return defaults.contains("gateway");
  }
}
