package io.lazarus.monitor.resurrector;

import io.lazarus.monitor.director.DirectorApi.ResurrectionSwitch;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the Resurrector knows, as one immutable value: the plugin thread replaces it, the HTTP thread reads
 * the latest one to explain. {@code resurrection} is the last pause switch read from the Director, if any.
 */
public record ResurrectorState(
    AlertTracker tracker, ResurrectionRules rules, Map<JobInstanceKey, InstanceHistory> histories, Optional<ResurrectionSwitch> resurrection) {

  public static final ResurrectorState INITIAL = new ResurrectorState(AlertTracker.EMPTY, ResurrectionRules.NONE, Map.of(), Optional.empty());

  public ResurrectorState {
    histories = Map.copyOf(histories);
  }

  public InstanceHistory history(JobInstanceKey key) {
    return histories.getOrDefault(key, InstanceHistory.NONE);
  }

  public ResurrectorState withHistory(JobInstanceKey key, InstanceHistory history) {
    Map<JobInstanceKey, InstanceHistory> copy = new HashMap<>(histories);
    copy.put(key, history);
    return new ResurrectorState(tracker, rules, copy, resurrection);
  }

  public ResurrectorState withoutHistory(JobInstanceKey key) {
    Map<JobInstanceKey, InstanceHistory> copy = new HashMap<>(histories);
    copy.remove(key);
    return new ResurrectorState(tracker, rules, copy, resurrection);
  }

  public ResurrectorState withTracker(AlertTracker next) {
    return new ResurrectorState(next, rules, histories, resurrection);
  }

  public ResurrectorState withRules(ResurrectionRules next) {
    return new ResurrectorState(tracker, next, histories, resurrection);
  }

  public ResurrectorState withResurrection(ResurrectionSwitch next) {
    return new ResurrectorState(tracker, rules, histories, Optional.of(next));
  }

  /** Whether the Director's scan_and_fix heals instances with a persistent disk, as last read (BOSH's default, true, before). */
  public boolean fixesStatefulNodes() {
    return resurrection.map(ResurrectionSwitch::autoFixStatefulNodes).orElse(true);
  }

  /** Paused globally as last read, and the timed pause (if any) not yet over. */
  public boolean paused(Instant now) {
    return resurrection.map(s -> !s.enabled() && s.pausedUntil().map(now::isBefore).orElse(true)).orElse(false);
  }
}
