package io.lazarus.director.cloudcheck;

import io.lazarus.core.manifest.CountOrPercent;
import io.lazarus.director.deployments.Deployment;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.tasks.EventLog;
import io.lazarus.director.tasks.TaskContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies chosen resolutions as BOSH's problem resolver: stage "Applying problem resolutions", one step per problem
 * named {@code <description> (<type> <resource id>): <plan>}; partitions of instance groups one after the other
 * ({@link ResolutionPartitions}: serial groups alone, non-serial ones together, up to {@link #GROUPS_IN_FLIGHT} at
 * once), within a group up to its {@code max_in_flight} (or the request's override) at once. A problem that fails is
 * still marked resolved; its error is collected, so the others are tried.
 */
final class ProblemResolver {
  static final String STAGE = "Applying problem resolutions";
  /** Groups resolved at once within a partition: BOSH's {@code max_threads} default. */
  static final int GROUPS_IN_FLIGHT = 32;

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
    Resolving resolving = new Resolving(resolutions, handlers, stage, ctx);
    for (List<ResolutionPartitions.Group> partition : ResolutionPartitions.of(problems, fixes.instanceGroups(), fixes::serial)) {
      ctx.checkpoint();
      Semaphore groupSlots = new Semaphore(GROUPS_IN_FLIGHT);
      List<Future<?>> groups = new ArrayList<>();
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (ResolutionPartitions.Group group : partition) {
          int inFlight = Math.min(group.problems().size(), maxInFlight(fixes, deployment, group.name(), maxInFlightOverrides));
          groupSlots.acquire();
          groups.add(pool.submit(() -> {
            try {
              resolveGroup(group.problems(), inFlight, resolving);
            } finally {
              groupSlots.release();
            }
            return null;
          }));
        }
      }
      for (Future<?> group : groups) {
        try {
          group.get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
    }
    return new Outcome(resolving.resolved().get(), List.copyOf(resolving.errors()));
  }

  /** What every problem's resolution shares within one {@link #apply}. */
  private record Resolving(Map<Long, String> resolutions, ProblemHandlers handlers, EventLog.Stage stage, TaskContext ctx, AtomicInteger resolved, List<String> errors) {
    Resolving(Map<Long, String> resolutions, ProblemHandlers handlers, EventLog.Stage stage, TaskContext ctx) {
      this(resolutions, handlers, stage, ctx, new AtomicInteger(), Collections.synchronizedList(new ArrayList<>()));
    }
  }

  /** One group's problems, up to {@code inFlight} at once. */
  private void resolveGroup(List<Problem> problems, int inFlight, Resolving resolving) throws InterruptedException {
    Semaphore slots = new Semaphore(Math.max(1, inFlight));
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Problem problem : problems) {
        slots.acquire();
        pool.submit(() -> {
          try {
            resolve(problem, resolving);
          } finally {
            slots.release();
          }
        });
      }
    }
  }

  private void resolve(Problem problem, Resolving resolving) {
    try {
      if (!problem.open()) {
        resolving.stage().track("Ignoring problem " + problem.id() + " (state is '" + problem.state() + "')", () -> null);
        return;
      }
      ProblemHandler handler = resolving.handlers().of(problem);
      String chosen = resolving.resolutions().get(problem.id());
      String name = chosen != null ? chosen : handler.autoResolution();
      String plan = handler.resolution(name).map(Resolution::plan).orElse(name);
      try {
        resolving.stage().track(taskLine(handler.description(), problem, plan), () -> {
          handler.apply(name, resolving.ctx());
          return null;
        });
        resolving.resolved().incrementAndGet();
      } finally {
        services.problems().resolve(problem.id());
      }
    } catch (Exception e) {
      resolving.errors().add("Error resolving problem '" + problem.id() + "': " + e.getMessage());
      resolving.ctx().debug("resolving problem " + problem.id() + " (" + problem.type() + ") failed: " + e);
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
