package io.lazarus.director.cloudcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** BOSH's problem partitioner: manifest order, serial groups alone, consecutive non-serial groups together. */
class ResolutionPartitionsTest {
  private static Problem problem(long id, String group) {
    return new Problem(id, 1, ProblemTypes.MISSING_VM, id, Map.of(), Problem.OPEN, 1, group);
  }

  /** Each partition as its groups' names with their problem ids, e.g. {@code [[a:1,3], [b:2]]}. */
  private static List<List<String>> names(List<List<ResolutionPartitions.Group>> partitions) {
    return partitions.stream().map(partition -> partition.stream()
        .map(group -> group.name() + ":" + String.join(",", group.problems().stream().map(p -> Long.toString(p.id())).toList())).toList()).toList();
  }

  @Test
  void serialGroupsAreResolvedOneAfterTheOtherInManifestOrder() {
    List<Problem> problems = List.of(problem(1, "db"), problem(2, "web"), problem(3, "db"));

    assertThat(names(ResolutionPartitions.of(problems, List.of("web", "db"), group -> true))).containsExactly(List.of("web:2"), List.of("db:1,3"));
  }

  @Test
  void consecutiveNonSerialGroupsShareAPartitionAndASerialGroupSplitsThem() {
    Set<String> parallel = Set.of("a", "b", "d", "e");
    List<Problem> problems = List.of(problem(1, "e"), problem(2, "d"), problem(3, "c"), problem(4, "b"), problem(5, "a"), problem(6, "a"));

    assertThat(names(ResolutionPartitions.of(problems, List.of("a", "b", "c", "d", "e"), group -> !parallel.contains(group))))
        .containsExactly(List.of("a:5,6", "b:4"), List.of("c:3"), List.of("d:2", "e:1"));
  }

  @Test
  void groupsWithoutProblemsDoNotSplitAPartition() {
    List<Problem> problems = List.of(problem(1, "a"), problem(2, "c"));

    assertThat(names(ResolutionPartitions.of(problems, List.of("a", "b", "c"), group -> group.equals("b")))).containsExactly(List.of("a:1", "c:2"));
  }

  @Test
  void problemsOfAGroupTheManifestNoLongerHasComeLastInsteadOfBeingDropped() {
    List<Problem> problems = List.of(problem(1, "gone"), problem(2, "web"), problem(3, null));

    assertThat(names(ResolutionPartitions.of(problems, List.of("web"), group -> false))).containsExactly(List.of("web:2"), List.of("gone:1"), List.of("null:3"));
  }
}
