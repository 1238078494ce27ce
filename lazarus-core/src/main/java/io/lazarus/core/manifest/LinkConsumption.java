package io.lazarus.core.manifest;

import java.util.Optional;

/**
 * How the manifest wires one link a job consumes ({@code consumes: {db: {from: primary}}}). {@code blocked} is
 * BOSH's {@code db: nil}: the link is deliberately left unconnected. An absent entry means "find the single
 * provider of the link's type".
 */
public record LinkConsumption(
    String name, boolean blocked, Optional<String> from, Optional<String> deployment, Optional<String> network, Optional<Boolean> ipAddresses, String path) {}
