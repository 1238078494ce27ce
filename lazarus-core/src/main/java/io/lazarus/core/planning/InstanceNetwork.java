package io.lazarus.core.planning;

import io.lazarus.core.network.Ipv4Address;
import io.lazarus.core.network.Ipv4Cidr;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One network of one instance, as the agent's settings need it. {@code ip}, {@code range} and {@code gateway} are
 * empty on dynamic networks (the cloud assigns them); {@code defaults} lists what this network is the default for
 * ({@code dns}, {@code gateway}), implied when an instance has a single network.
 */
public record InstanceNetwork(
    String name,
    String type,
    Optional<Ipv4Address> ip,
    boolean staticIp,
    Optional<Ipv4Cidr> range,
    Optional<Ipv4Address> gateway,
    List<String> dns,
    List<String> defaults,
    Map<String, Object> cloudProperties) {}
