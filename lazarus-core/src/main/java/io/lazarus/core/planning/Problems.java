package io.lazarus.core.planning;

import io.lazarus.core.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found while planning, each tied to a manifest path so it carries the line. */
final class Problems {
  private final YamlDocument doc;
  private final List<PlanProblem> found = new ArrayList<>();

  Problems(YamlDocument doc) {
    this.doc = doc;
  }

  void add(String path, String message) {
    found.add(PlanProblem.at(doc, path, message));
  }

  int count() {
    return found.size();
  }

  /** Every problem, in the order of the manifest's lines (stable, so problems on one line keep their order). */
  List<PlanProblem> all() {
    return found.stream().sorted(Comparator.comparingInt(PlanProblem::line)).toList();
  }
}
