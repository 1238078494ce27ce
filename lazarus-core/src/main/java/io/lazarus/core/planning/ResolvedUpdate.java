package io.lazarus.core.planning;

import io.lazarus.core.manifest.WatchTime;

/**
 * An instance group's update settings with the group's overrides applied and percentages turned into instance
 * counts for its size: {@code canaries} at most the group's size, {@code maxInFlight} at least 1.
 */
public record ResolvedUpdate(int canaries, int maxInFlight, WatchTime canaryWatchTime, WatchTime updateWatchTime, boolean serial, String vmStrategy) {}
