package io.lazarus.director.cloudcheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The order in which resolutions are applied, as BOSH's problem partitioner: problems grouped by instance group in
 * manifest order; a serial group ({@code update.serial}, true unless set false) is a partition of its own, and
 * consecutive non-serial groups share one, so they are resolved together. Partitions run one after the other.
 * Problems of a group the manifest no longer has come last, a partition per group (BOSH would leave them untried).
 */
final class ResolutionPartitions {
  private ResolutionPartitions() {}

  /** One instance group's problems, in the order given. */
  record Group(String name, List<Problem> problems) {}

  static List<List<Group>> of(List<Problem> problems, List<String> manifestGroups, Predicate<String> serial) {
    Map<String, List<Problem>> byGroup = new LinkedHashMap<>();
    problems.forEach(problem -> byGroup.computeIfAbsent(String.valueOf(problem.instanceGroup()), group -> new ArrayList<>()).add(problem));
    List<List<Group>> partitions = new ArrayList<>();
    List<Group> together = new ArrayList<>();
    for (String name : manifestGroups) {
      List<Problem> ofGroup = byGroup.remove(name);
      if (ofGroup == null) {
        continue;
      }
      Group group = new Group(name, List.copyOf(ofGroup));
      if (serial.test(name)) {
        if (!together.isEmpty()) {
          partitions.add(List.copyOf(together));
          together.clear();
        }
        partitions.add(List.of(group));
      } else {
        together.add(group);
      }
    }
    if (!together.isEmpty()) {
      partitions.add(List.copyOf(together));
    }
    byGroup.forEach((name, ofGroup) -> partitions.add(List.of(new Group(name, List.copyOf(ofGroup)))));
    return List.copyOf(partitions);
  }
}
