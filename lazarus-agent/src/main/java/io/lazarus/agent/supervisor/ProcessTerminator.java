package io.lazarus.agent.supervisor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Ends a supervised process and whatever its start program left behind: the process itself (checked by start time,
 * so a reused pid is never signalled), its own process group when it leads one, and the groups the supervisor
 * created for its programs. Never signals the agent itself or the agent's own group. Waits by polling on the
 * supervisor's scheduler. Thread-safe.
 */
final class ProcessTerminator {
  private static final long POLL_MILLIS = 50;

  private final ProcFs procFs;
  private final ScheduledExecutorService scheduler;
  private final ProcStat self;

  ProcessTerminator(ProcFs procFs, ScheduledExecutorService scheduler) {
    this.procFs = procFs;
    this.scheduler = scheduler;
    this.self = procFs.self();
  }

  /** SIGTERM, up to {@code grace} for them to end, then SIGKILL and up to {@code killWait}. True when none is left. */
  boolean terminate(Optional<PidIdentity> main, Collection<ProcessGroupRef> groups, Duration grace, Duration killWait)
      throws InterruptedException {
    Supplier<List<ProcStat>> survivors = () -> survivors(main, groups);
    List<ProcStat> targets = survivors.get();
    if (targets.isEmpty()) {
      return true;
    }
    signal(targets, false);
    if (awaitGone(survivors, grace)) {
      return true;
    }
    signal(survivors.get(), true);
    return awaitGone(survivors, killWait);
  }

  /** SIGKILL to every member of {@code groups}, without waiting (a start attempt that is being given up). */
  void killNow(Collection<ProcessGroupRef> groups) {
    signal(survivors(Optional.empty(), groups), true);
  }

  List<ProcStat> survivors(Optional<PidIdentity> main, Collection<ProcessGroupRef> groups) {
    Map<Long, ProcStat> found = new LinkedHashMap<>();
    List<ProcessGroupRef> allGroups = new ArrayList<>(groups);
    main.flatMap(identity -> procFs.stat(identity.pid()))
        .filter(stat -> stat.alive() && stat.startTicks() == main.get().startTicks())
        .ifPresent(stat -> {
          found.put(stat.pid(), stat);
          if (stat.processGroup() == stat.pid()) {
            allGroups.add(new ProcessGroupRef(stat.pid(), stat.startTicks()));
          }
        });
    Set<Long> groupIds = new HashSet<>();
    for (ProcessGroupRef group : allGroups) {
      if (group.id() != self.processGroup() && group.id() != self.session() && group.stillOurs(procFs, self.pid())) {
        groupIds.add(group.id());
      }
    }
    if (!groupIds.isEmpty()) {
      for (ProcStat stat : procFs.all()) {
        boolean member = groupIds.contains(stat.processGroup()) || groupIds.contains(stat.session());
        if (member && stat.alive() && stat.pid() != self.pid()) {
          found.putIfAbsent(stat.pid(), stat);
        }
      }
    }
    return List.copyOf(found.values());
  }

  private static void signal(List<ProcStat> targets, boolean kill) {
    for (ProcStat target : targets) {
      // ProcessHandle remembers the start time it saw and refuses to signal a different process with the same pid.
      ProcessHandle.of(target.pid()).ifPresent(handle -> {
        if (kill) {
          handle.destroyForcibly();
        } else {
          handle.destroy();
        }
      });
    }
  }

  private boolean awaitGone(Supplier<List<ProcStat>> survivors, Duration timeout) throws InterruptedException {
    if (survivors.get().isEmpty()) {
      return true;
    }
    if (timeout.isNegative() || timeout.isZero()) {
      return false;
    }
    CompletableFuture<Void> gone = new CompletableFuture<>();
    ScheduledFuture<?> poll = scheduler.scheduleWithFixedDelay(() -> {
      try {
        if (survivors.get().isEmpty()) {
          gone.complete(null);
        }
      } catch (RuntimeException e) {
        gone.completeExceptionally(e);
      }
    }, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    try {
      gone.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot watch processes end: " + e.getCause().getMessage(), e.getCause());
    } finally {
      poll.cancel(false);
    }
  }
}
