package io.lazarus.director.releases;

import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The dependency graph of a release's packages, which must be acyclic for compilation to have an order. */
final class PackageGraph {
  private PackageGraph() {}

  /**
   * @throws DirectorException ReleaseInvalidPackage naming the cycle, e.g. {@code a -> b -> a}
   */
  static void checkAcyclic(List<ReleaseManifest.PackageEntry> packages) {
    Map<String, List<String>> edges = new HashMap<>();
    packages.forEach(p -> edges.put(p.name(), p.dependencies()));
    Map<String, Boolean> done = new HashMap<>(); // false: on the current path; true: fully explored
    for (String start : edges.keySet()) {
      visit(start, edges, done, new ArrayDeque<>());
    }
  }

  private static void visit(String name, Map<String, List<String>> edges, Map<String, Boolean> done, Deque<String> path) {
    Boolean state = done.get(name);
    if (Boolean.TRUE.equals(state)) {
      return;
    }
    path.addLast(name);
    if (Boolean.FALSE.equals(state)) {
      List<String> walked = List.copyOf(path);
      List<String> cycle = walked.subList(walked.indexOf(name), walked.size());
      throw new DirectorException(ErrorCode.RELEASE_INVALID_PACKAGE, "Cycle found in package dependencies: " + String.join(" -> ", cycle));
    }
    done.put(name, false);
    for (String dependency : edges.getOrDefault(name, List.of())) {
      visit(dependency, edges, done, path);
    }
    done.put(name, true);
    path.removeLast();
  }
}
