package io.lazarus.monitor.resurrector;

import java.util.Optional;

/**
 * Whether resurrection is enabled for an instance group, and the rule that decided: the first applicable rule with
 * {@code enabled: false} when disabled, the first applicable rule when enabled, none when no rule applies.
 */
public record RuleVerdict(boolean enabled, Optional<ResurrectionRule> decidedBy) {

  public String describe() {
    return decidedBy.map(ResurrectionRule::describe).orElse("no rule applies (enabled by default)");
  }
}
