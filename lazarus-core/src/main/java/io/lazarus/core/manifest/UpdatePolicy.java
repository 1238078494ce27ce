package io.lazarus.core.manifest;

import java.util.Optional;

/**
 * An {@code update} block. At the top level of a manifest {@code canaries}, {@code max_in_flight} and both watch
 * times are required (the parser enforces it); an instance group's block overrides only the fields it sets.
 */
public record UpdatePolicy(
    Optional<CountOrPercent> canaries,
    Optional<CountOrPercent> maxInFlight,
    Optional<WatchTime> canaryWatchTime,
    Optional<WatchTime> updateWatchTime,
    Optional<Boolean> serial,
    Optional<String> vmStrategy) {

  /** This block with every field that {@code override} sets replaced by the override's value. */
  public UpdatePolicy overriddenBy(UpdatePolicy override) {
    return new UpdatePolicy(
        override.canaries.or(() -> canaries),
        override.maxInFlight.or(() -> maxInFlight),
        override.canaryWatchTime.or(() -> canaryWatchTime),
        override.updateWatchTime.or(() -> updateWatchTime),
        override.serial.or(() -> serial),
        override.vmStrategy.or(() -> vmStrategy));
  }
}
