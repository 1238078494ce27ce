package io.lazarus.agent.supervisor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code depends on} graph of all supervised processes. Each process gets a level (0 without dependencies, else
 * one more than its deepest dependency): starting goes up the levels, stopping comes down, so dependencies start
 * first and stop last. Immutable.
 */
final class DependencyOrder {
  private final Map<String, MonitProcess> processes;
  private final Map<String, Integer> levels = new HashMap<>();

  /** Fails with {@link MonitFileException} on a dependency nobody defines or a cycle. */
  DependencyOrder(Collection<MonitProcess> all) {
    processes = new LinkedHashMap<>();
    all.forEach(p -> processes.put(p.name(), p));
    for (MonitProcess process : all) {
      for (String dependency : process.dependsOn()) {
        if (!processes.containsKey(dependency)) {
          throw new MonitFileException(process.source(), process.line(),
              "process '" + process.name() + "' depends on '" + dependency + "', which no monit file defines");
        }
      }
    }
    all.forEach(p -> level(p.name(), new ArrayList<>()));
  }

  private int level(String name, List<String> path) {
    Integer known = levels.get(name);
    if (known != null) {
      return known;
    }
    if (path.contains(name)) {
      MonitProcess first = processes.get(path.get(path.indexOf(name)));
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
      cycle.add(name);
      throw new MonitFileException(first.source(), first.line(), "dependency cycle: " + String.join(" -> ", cycle));
    }
    path.add(name);
    int level = 0;
    for (String dependency : processes.get(name).dependsOn()) {
      level = Math.max(level, level(dependency, path) + 1);
    }
    path.remove(path.size() - 1);
    levels.put(name, level);
    return level;
  }

  /** {@code name} and everything it depends on, directly or not. */
  Set<String> withDependencies(String name) {
    Set<String> result = new LinkedHashSet<>();
    collect(name, result, p -> processes.get(p).dependsOn());
    return result;
  }

  /** {@code name} and everything that depends on it, directly or not. */
  Set<String> withDependents(String name) {
    Set<String> result = new LinkedHashSet<>();
    collect(name, result, p -> processes.values().stream()
        .filter(other -> other.dependsOn().contains(p)).map(MonitProcess::name).toList());
    return result;
  }

  private static void collect(String name, Set<String> into, java.util.function.Function<String, List<String>> edges) {
    if (into.add(name)) {
      edges.apply(name).forEach(next -> collect(next, into, edges));
    }
  }

  /** {@code names} grouped for stopping: dependents in earlier groups than what they depend on. */
  List<List<String>> stopGroups(Collection<String> names) {
    Map<Integer, List<String>> byLevel = new TreeMap<>(Comparator.reverseOrder());
    names.forEach(name -> byLevel.computeIfAbsent(levels.get(name), l -> new ArrayList<>()).add(name));
    return List.copyOf(byLevel.values());
  }
}
