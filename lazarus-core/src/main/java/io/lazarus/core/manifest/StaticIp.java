package io.lazarus.core.manifest;

import io.lazarus.core.network.Ipv4Address;

/**
 * One static IP of an instance group's network, in the order instances receive them; a range entry
 * ({@code 10.0.0.10 - 10.0.0.12}) yields one per address, all with the entry's {@code path}.
 */
public record StaticIp(Ipv4Address address, String path) {}
