package io.lazarus.monitor.resurrector;

import java.util.Locale;

/** What the Resurrector does about one instance, as {@code GET /decisions} names it (docs/internals/healing.md). */
public enum Decision {
  HEALTHY,
  WAITING_FOR_TIMEOUT,
  WARM_UP,
  RECREATING,
  VERIFYING,
  SKIPPED_MELTDOWN,
  SKIPPED_RULE,
  SKIPPED_PAUSED,
  SKIPPED_IGNORED,
  SKIPPED_LOCKED,
  SKIPPED_BACKOFF,
  SKIPPED_FLAPPING,
  SKIPPED_STATEFUL;

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
