package io.lazarus.director.resurrection;

import io.lazarus.director.attributes.DirectorAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The global resurrection switch ({@code bosh update-resurrection on|off}), stored as BOSH stores it (attribute
 * {@code resurrection_paused} = "true"/"false"), plus what BOSH lacks: an optional expiry, after which resurrection
 * is on again by itself. Thread-safe.
 */
public final class ResurrectionPause {
  static final String PAUSED = "resurrection_paused";
  static final String PAUSED_UNTIL = "resurrection_paused_until";

  private final DirectorAttributes attributes;
  private final Clock clock;

  /** The switch's state: paused or not, and until when (empty: until someone turns it on). */
  public record State(boolean paused, Optional<Instant> until) {}

  public ResurrectionPause(DirectorAttributes attributes, Clock clock) {
    this.attributes = attributes;
    this.clock = clock;
  }

  public State state() {
    boolean paused = attributes.get(PAUSED).map("true"::equals).orElse(false);
    if (!paused) {
      return new State(false, Optional.empty());
    }
    Optional<Instant> until = attributes.get(PAUSED_UNTIL).map(Long::parseLong).map(Instant::ofEpochSecond);
    if (until.isPresent() && !until.get().isAfter(clock.instant())) {
      return new State(false, Optional.empty());
    }
    return new State(true, until);
  }

  /** Pauses (optionally until {@code until}) or resumes resurrection. */
  public void set(boolean paused, Optional<Instant> until) {
    attributes.put(PAUSED, Boolean.toString(paused));
    if (paused && until.isPresent()) {
      attributes.put(PAUSED_UNTIL, Long.toString(until.get().getEpochSecond()));
    } else {
      attributes.remove(PAUSED_UNTIL);
    }
  }
}
