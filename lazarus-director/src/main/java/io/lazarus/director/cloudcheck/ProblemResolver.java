package io.lazarus.director.cloudcheck;

import io.lazarus.core.manifest.CountOrPercent;
import io.lazarus.director.deployments.Deployment;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.tasks.EventLog;
import io.lazarus.director.tasks.TaskContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies chosen resolutions as BOSH's problem resolver: stage "Applying problem resolutions", one step per problem
 * named {@code <description> (<type> <resource id>): <plan>}; instance groups one after the other, within a group up
 * to its {@code max_in_flight} (or the request's override) at once. A problem that fails is still marked resolved;
 * its error is collected, so the others are tried.
 */
final class ProblemResolver {
  static final String STAGE = "Applying problem resolutions";

  private final CloudCheckServices services;

  ProblemResolver(CloudCheckServices services) {
    this.services = services;
  }

  /** How many problems were resolved, and the errors ("Error resolving problem '<id>': <msg>"). */
  record Outcome(int resolved, List<String> errors) {}

  /** {@code resolutions}: problem id to resolution name, or to null for the handler's automatic one. */
  Outcome apply(Deployment deployment, Map<Long, String> resolutions, Map<String, String> maxInFlightOverrides, TaskContext ctx) throws Exception {
    Fixes fixes = new Fixes(services, deployment);
    ProblemHandlers handlers = new ProblemHandlers(services, fixes);
    List<Problem> problems = services.problems().find(deployment.id(), resolutions.keySet());
    EventLog.Stage stage = ctx.events().stage(STAGE, problems.size(), List.of());
    Map<String, List<Problem>> byGroup = new LinkedHashMap<>();
    problems.forEach(problem -> byGroup.computeIfAbsent(String.valueOf(problem.instanceGroup()), group -> new ArrayList<>()).add(problem));
    AtomicInteger resolved = new AtomicInteger();
    List<String> errors = Collections.synchronizedList(new ArrayList<>());
    for (Map.Entry<String, List<Problem>> group : byGroup.entrySet()) {
      ctx.checkpoint();
      int inFlight = Math.min(group.getValue().size(), maxInFlight(fixes, deployment, group.getKey(), maxInFlightOverrides));
      Semaphore slots = new Semaphore(Math.max(1, inFlight));
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (Problem problem : group.getValue()) {
          slots.acquire();
          pool.submit(() -> {
            try {
              resolve(problem, resolutions.get(problem.id()), handlers, stage, ctx, errors, resolved);
            } finally {
              slots.release();
            }
          });
        }
      }
    }
    return new Outcome(resolved.get(), List.copyOf(errors));
  }

  private void resolve(Problem problem, String chosen, ProblemHandlers handlers, EventLog.Stage stage, TaskContext ctx, List<String> errors, AtomicInteger resolved) {
    try {
      if (!problem.open()) {
        stage.track("Ignoring problem " + problem.id() + " (state is '" + problem.state() + "')", () -> null);
        return;
      }
      ProblemHandler handler = handlers.of(problem);
      String name = chosen != null ? chosen : handler.autoResolution();
      String plan = handler.resolution(name).map(Resolution::plan).orElse(name);
      try {
        stage.track(taskLine(handler.description(), problem, plan), () -> {
          handler.apply(name, ctx);
          return null;
        });
        resolved.incrementAndGet();
      } finally {
        services.problems().resolve(problem.id());
      }
    } catch (Exception e) {
      errors.add("Error resolving problem '" + problem.id() + "': " + e.getMessage());
      ctx.debug("resolving problem " + problem.id() + " (" + problem.type() + ") failed: " + e);
    }
  }

  static String taskLine(String description, Problem problem, String plan) {
    return description + " (" + problem.type() + " " + problem.resourceId() + "): " + plan;
  }

  /** The group's max_in_flight: the request's override, else its update block, resolved against its size. */
  private int maxInFlight(Fixes fixes, Deployment deployment, String group, Map<String, String> overrides) {
    int size = (int) services.instances().list(deployment.id()).stream().map(Instance::group).filter(group::equals).count();
    String override = overrides.get(group);
    CountOrPercent value = override != null ? CountOrPercent.parse(override) : fixes.updatePolicy(group).maxInFlight().orElse(CountOrPercent.count(1));
    return value.resolve(size, 1);
  }
}
