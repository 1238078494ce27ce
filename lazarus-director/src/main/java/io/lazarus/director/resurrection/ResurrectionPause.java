package io.lazarus.director.resurrection;

import io.lazarus.director.attributes.DirectorAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The global resurrection switch ({@code bosh update-resurrection on|off}), stored as BOSH stores it (attribute
 * {@code resurrection_paused} = "true"/"false"), plus what BOSH lacks: an optional expiry, after which resurrection
 * is on again by itself, and since when it is paused (the Health Monitor alerts on a pause that lasts too long).
 * Thread-safe.
 */
public final class ResurrectionPause {
  static final String PAUSED = "resurrection_paused";
  static final String PAUSED_UNTIL = "resurrection_paused_until";
  static final String PAUSED_SINCE = "resurrection_paused_since";

  private final DirectorAttributes attributes;
  private final Clock clock;

  /**
   * The switch's state: paused or not, until when (empty: until someone turns it on) and since when (empty for a
   * pause stored before Lazarus recorded its start).
   */
  public record State(boolean paused, Optional<Instant> until, Optional<Instant> since) {
    static final State RUNNING = new State(false, Optional.empty(), Optional.empty());
  }

  public ResurrectionPause(DirectorAttributes attributes, Clock clock) {
    this.attributes = attributes;
    this.clock = clock;
  }

  public State state() {
    boolean paused = attributes.get(PAUSED).map("true"::equals).orElse(false);
    if (!paused) {
      return State.RUNNING;
    }
    Optional<Instant> until = epochSeconds(PAUSED_UNTIL);
    if (until.isPresent() && !until.get().isAfter(clock.instant())) {
      return State.RUNNING;
    }
    return new State(true, until, epochSeconds(PAUSED_SINCE));
  }

  /**
   * Pauses (optionally until {@code until}) or resumes resurrection. Pausing again while paused keeps the time the
   * pause began.
   */
  public void set(boolean paused, Optional<Instant> until) {
    boolean alreadyPaused = state().paused();
    attributes.put(PAUSED, Boolean.toString(paused));
    if (paused && until.isPresent()) {
      attributes.put(PAUSED_UNTIL, Long.toString(until.get().getEpochSecond()));
    } else {
      attributes.remove(PAUSED_UNTIL);
    }
    if (!paused) {
      attributes.remove(PAUSED_SINCE);
    } else if (!alreadyPaused || attributes.get(PAUSED_SINCE).isEmpty()) {
      attributes.put(PAUSED_SINCE, Long.toString(clock.instant().getEpochSecond()));
    }
  }

  private Optional<Instant> epochSeconds(String attribute) {
    return attributes.get(attribute).map(Long::parseLong).map(Instant::ofEpochSecond);
  }
}
