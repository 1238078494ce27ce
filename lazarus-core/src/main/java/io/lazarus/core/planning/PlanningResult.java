package io.lazarus.core.planning;

import java.util.List;

/** The planner's decision: a plan, or every problem that prevents one. */
public sealed interface PlanningResult {
  record Planned(DeploymentPlan plan) implements PlanningResult {}

  record Refused(List<PlanProblem> problems) implements PlanningResult {
    public Refused {
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("a refusal needs at least one problem");
      }
      problems = List.copyOf(problems);
    }

    /** All problems, one per line, for a task's error output. */
    public String describe() {
      return String.join("\n", problems.stream().map(PlanProblem::text).toList());
    }
  }
}
