package io.lazarus.monitor.resurrector;

import io.lazarus.monitor.director.DirectorApi.ResurrectionSwitch;
import io.lazarus.monitor.events.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Alerts when resurrection stays paused: once after {@code after}, then again after each further {@code after}.
 * A pause without {@code paused_since} (a BOSH-style switch) counts from when it was first seen. Plugin thread only.
 */
final class PauseAlerts {
  private final Duration after;
  private Instant pausedSince;
  private long alertsSent;

  PauseAlerts(Duration after) {
    this.after = after;
  }

  Optional<Alert> check(ResurrectionSwitch resurrection, Instant now) {
    if (resurrection.enabled()) {
      pausedSince = null;
      return Optional.empty();
    }
    Instant since = resurrection.pausedSince().orElse(pausedSince == null ? now : pausedSince);
    if (!since.equals(pausedSince)) {
      pausedSince = since;
      alertsSent = 0;
    }
    Duration paused = Duration.between(since, now);
    if (paused.compareTo(after.multipliedBy(alertsSent + 1)) <= 0) {
      return Optional.empty();
    }
    alertsSent = paused.dividedBy(after);
    String until = resurrection.pausedUntil().map(at -> "until " + at).orElse("until someone turns it back on");
    String title = "Resurrection has been paused for " + HumanDuration.of(paused);
    return Optional.of(ResurrectorAlerts.alert(Alert.ERROR, title, title + " (since " + since + ", " + until + ")", null, now));
  }
}
