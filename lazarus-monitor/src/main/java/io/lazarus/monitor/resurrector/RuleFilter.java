package io.lazarus.monitor.resurrector;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule's {@code include} or {@code exclude} (§4.2). An empty list counts as absent. Both lists present must both
 * match; an empty include matches everything, an empty exclude excludes nothing.
 */
public record RuleFilter(List<String> deployments, List<String> instanceGroups) {
  public static final RuleFilter EMPTY = new RuleFilter(List.of(), List.of());

  public RuleFilter {
    deployments = List.copyOf(deployments);
    instanceGroups = List.copyOf(instanceGroups);
  }

  public boolean isEmpty() {
    return deployments.isEmpty() && instanceGroups.isEmpty();
  }

  private boolean matches(String deployment, String instanceGroup) {
    return (instanceGroups.isEmpty() || instanceGroups.contains(instanceGroup))
        && (deployments.isEmpty() || deployments.contains(deployment));
  }

  /** As an include filter. */
  public boolean includes(String deployment, String instanceGroup) {
    return matches(deployment, instanceGroup);
  }

  /** As an exclude filter. */
  public boolean excludes(String deployment, String instanceGroup) {
    return !isEmpty() && matches(deployment, instanceGroup);
  }

  /** {@code {deployments: [a], instance_groups: [web]}}, for explanations. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (!deployments.isEmpty()) {
      parts.add("deployments: [" + String.join(", ", deployments) + "]");
    }
    if (!instanceGroups.isEmpty()) {
      parts.add("instance_groups: [" + String.join(", ", instanceGroups) + "]");
    }
    return "{" + String.join(", ", parts) + "}";
  }
}
