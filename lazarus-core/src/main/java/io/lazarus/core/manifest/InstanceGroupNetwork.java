package io.lazarus.core.manifest;

import java.util.List;

/**
 * A network an instance group is placed on. {@code defaults} lists what this network is the default for
 * ({@code dns}, {@code gateway}, {@code addressable}) when an instance has several networks.
 */
public record InstanceGroupNetwork(String name, List<StaticIp> staticIps, List<String> defaults, String path) {}
