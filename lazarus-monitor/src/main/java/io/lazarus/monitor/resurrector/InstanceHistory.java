package io.lazarus.monitor.resurrector;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Resurrector did for one instance, immutable. {@code attempts} counts the scan_and_fix requests since the
 * instance was last verified back (it drives the backoff); {@code recreates} are the request times still inside the
 * flap window. Null fields mean "never" / "none".
 */
public record InstanceHistory(
    List<Instant> recreates,
    int attempts,
    Instant lastRequestAt,
    Instant nextAttemptAt,
    PendingVerification verification,
    Instant flappingAlertedAt,
    Instant unhealthyAlertedAt) {

  public static final InstanceHistory NONE = new InstanceHistory(List.of(), 0, null, null, null, null, null);

  public InstanceHistory {
    recreates = List.copyOf(recreates);
  }

  /** A scan_and_fix was queued as {@code taskId}: one more attempt and recreate, verified by {@code now + verifyTimeout}. */
  public InstanceHistory requested(Instant now, long taskId, ResurrectorOptions options) {
    List<Instant> times = new ArrayList<>(recreatesWithin(now, options.flapLimit()));
    times.add(now);
    PendingVerification pending = new PendingVerification(taskId, now, now.plus(options.verifyTimeout()), null, null);
    return new InstanceHistory(times, attempts + 1, now, now.plus(options.backoff().delayAfter(attempts + 1)), pending, flappingAlertedAt, unhealthyAlertedAt);
  }

  /** The Director refused the request: no recreate happened, but the next request still waits out the backoff. */
  public InstanceHistory refused(Instant now, ResurrectorOptions options) {
    return new InstanceHistory(recreates, attempts + 1, now, now.plus(options.backoff().delayAfter(attempts + 1)), null, flappingAlertedAt, unhealthyAlertedAt);
  }

  /** Verified back: the backoff starts over; the recreates stay, for the flap limit. */
  public InstanceHistory recovered() {
    return new InstanceHistory(recreates, 0, lastRequestAt, null, null, flappingAlertedAt, unhealthyAlertedAt);
  }

  /** Not back in time: the attempt stays counted, so the next one waits longer. */
  public InstanceHistory failed() {
    return new InstanceHistory(recreates, attempts, lastRequestAt, nextAttemptAt, null, flappingAlertedAt, unhealthyAlertedAt);
  }

  public InstanceHistory withVerification(PendingVerification pending) {
    return new InstanceHistory(recreates, attempts, lastRequestAt, nextAttemptAt, pending, flappingAlertedAt, unhealthyAlertedAt);
  }

  public InstanceHistory flappingAlerted(Instant now) {
    return new InstanceHistory(recreates, attempts, lastRequestAt, nextAttemptAt, verification, now, unhealthyAlertedAt);
  }

  public InstanceHistory unhealthyAlerted(Instant now) {
    return new InstanceHistory(recreates, attempts, lastRequestAt, nextAttemptAt, verification, flappingAlertedAt, now);
  }

  public List<Instant> recreatesWithin(Instant now, FlapLimit limit) {
    Instant since = now.minus(limit.window());
    return recreates.stream().filter(at -> at.isAfter(since)).toList();
  }

  public boolean flapping(Instant now, FlapLimit limit) {
    return recreatesWithin(now, limit).size() >= limit.attempts();
  }

  /** When the oldest recreate inside the window leaves it, so a new attempt is allowed. */
  public Instant flappingUntil(Instant now, FlapLimit limit) {
    List<Instant> within = recreatesWithin(now, limit);
    return within.get(within.size() - limit.attempts()).plus(limit.window());
  }

  /** Whether this flapping episode was alerted: the alert came after the latest recreate. */
  public boolean flappingAlerted() {
    return flappingAlertedAt != null && lastRequestAt != null && !flappingAlertedAt.isBefore(lastRequestAt);
  }

  public boolean backingOff(Instant now) {
    return nextAttemptAt != null && now.isBefore(nextAttemptAt);
  }
}
