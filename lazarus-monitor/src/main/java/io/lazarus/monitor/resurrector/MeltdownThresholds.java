package io.lazarus.monitor.resurrector;

import java.time.Duration;

/**
 * BOSH's meltdown thresholds (§3.1): meltdown when at least {@code minimumDownJobs} agents and at least
 * {@code percentThreshold} (a fraction) of them had a critical alert within {@code timeThreshold}.
 */
public record MeltdownThresholds(int minimumDownJobs, double percentThreshold, Duration timeThreshold) {
  public static final MeltdownThresholds BOSH_DEFAULTS = new MeltdownThresholds(5, 0.2, Duration.ofSeconds(600));
}
