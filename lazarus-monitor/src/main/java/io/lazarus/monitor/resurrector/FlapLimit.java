package io.lazarus.monitor.resurrector;

import java.time.Duration;

/** At most {@code attempts} recreates of one instance within {@code window}; beyond that it is flapping. */
public record FlapLimit(int attempts, Duration window) {}
