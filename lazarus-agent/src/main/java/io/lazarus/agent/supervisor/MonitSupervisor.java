package io.lazarus.agent.supervisor;

import io.lazarus.agent.supervisor.ProcessStopper.StopPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job supervisor: a monit replacement for the subset of monit files BOSH jobs use. One scheduler thread checks
 * every process each {@link SupervisorSettings#pollInterval()}; commands (load, start, stop, ...) run on the
 * caller's thread, one at a time, and never block the checks for long.
 *
 * <p>Besides {@link JobSupervisor}, it offers what the {@code monit} command needs: start, stop, restart, monitor
 * and unmonitor of one process (a start includes what it depends on; a stop includes what depends on it) and
 * {@link #reports()}.
 *
 * <p>Thread-safe. IMPORTANT: must be closed; {@link #close()} stops every process. Do not call the stopping
 * methods from a {@link SupervisorListener}: the listener runs on the thread that watches the processes end.
 */
public final class MonitSupervisor implements JobSupervisor {
  private static final Logger log = LoggerFactory.getLogger(MonitSupervisor.class);

  private final SupervisorListener listener;
  private final Clock clock;
  private final SupervisorSettings settings;
  private final ProcFs procFs;
  private final ScheduledExecutorService scheduler;
  private final ProcessMonitor monitor;
  private final ProcessStopper stopper;
  /** Serializes commands, so a start cannot overtake a stop in progress. */
  private final ReentrantLock commandLock = new ReentrantLock();
  /** Guards {@link #table} and {@link #order}; held only briefly, never while waiting for processes. */
  private final ReentrantLock stateLock = new ReentrantLock();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Thread schedulerThread;
  private Map<String, SupervisedProcess> table = new LinkedHashMap<>();
  private DependencyOrder order = new DependencyOrder(List.of());

  /** A supervisor with {@link SupervisorSettings#defaults()} on the system clock. */
  public MonitSupervisor(SupervisorListener listener) {
    this(listener, Clock.systemUTC(), SupervisorSettings.defaults());
  }

  public MonitSupervisor(SupervisorListener listener, Clock clock, SupervisorSettings settings) {
    this.listener = listener;
    this.clock = clock;
    this.settings = settings;
    this.procFs = new ProcFs(settings.procRoot());
    this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "job-supervisor");
      thread.setDaemon(true);
      schedulerThread = thread;
      return thread;
    });
    ProgramLauncher launcher = new ProgramLauncher(settings.programOutput(), procFs);
    ProcessTerminator terminator = new ProcessTerminator(procFs, scheduler);
    this.monitor = new ProcessMonitor(procFs, launcher, terminator, settings);
    this.stopper = new ProcessStopper(launcher, terminator, procFs, settings, clock);
    long poll = settings.pollInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::checkAll, poll, poll, TimeUnit.MILLISECONDS);
  }

  public SupervisorSettings settings() {
    return settings;
  }

  /**
   * Parses every monit file first, so a broken one changes nothing ({@link MonitFileException} naming the file and
   * line; {@link UncheckedIOException} when one cannot be read). Processes kept by name keep running.
   */
  @Override
  public void load(List<MonitJob> jobs) {
    List<SupervisedProcess> loaded = parse(jobs);
    DependencyOrder newOrder = new DependencyOrder(loaded.stream().map(p -> p.definition).toList());
    try {
      withCommandLockInterruptibly(() -> replace(loaded, newOrder, jobs.size()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping the processes of removed jobs", e);
    }
  }

  private void replace(List<SupervisedProcess> loaded, DependencyOrder newOrder, int jobCount)
      throws InterruptedException {
    Set<String> removed = new LinkedHashSet<>(table.keySet());
    loaded.forEach(p -> removed.remove(p.name()));
    stop(removed, order, settings.stopAllTimeout());
    Map<String, SupervisedProcess> newTable = new LinkedHashMap<>();
    withStateLock(() -> {
      for (SupervisedProcess process : loaded) {
        SupervisedProcess kept = table.get(process.name());
        if (kept != null) {
          kept.definition = process.definition;
          kept.jobName = process.jobName;
        }
        newTable.put(process.name(), kept != null ? kept : process);
      }
      table = newTable;
      order = newOrder;
    });
    log.info("Supervising {} processes of {} jobs", newTable.size(), jobCount);
  }

  private List<SupervisedProcess> parse(List<MonitJob> jobs) {
    List<SupervisedProcess> processes = new ArrayList<>();
    Map<String, MonitProcess> byName = new HashMap<>();
    for (MonitJob job : jobs) {
      MonitFile file;
      try {
        file = MonitFile.read(job.monitFile());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the monit file of job '" + job.jobName() + "': " + e, e);
      }
      for (MonitProcess process : file.processes()) {
        MonitProcess other = byName.putIfAbsent(process.name(), process);
        if (other != null) {
          throw new MonitFileException(process.source(), process.line(),
              "process '" + process.name() + "' is already defined in " + other.source());
        }
        processes.add(new SupervisedProcess(job.jobName(), process, settings.newBackoff()));
      }
    }
    return processes;
  }

  @Override
  public void startAll() {
    withCommandLock(() -> startNames(List.copyOf(table.keySet())));
  }

  /** Starts {@code name} and what it depends on. */
  public void start(String name) {
    withCommandLock(() -> startNames(order.withDependencies(known(name))));
  }

  private void startNames(Collection<String> names) {
    withStateLock(() -> names.stream().map(table::get).forEach(process -> {
      if (!process.state.monitored() || process.state.failed()) {
        process.markWaiting();
      }
    }));
    scheduler.execute(this::checkAll);
  }

  @Override
  public void stopAll(Duration timeout) throws InterruptedException {
    withCommandLockInterruptibly(() -> stop(List.copyOf(table.keySet()), order, timeout));
  }

  /** Stops {@code name} and, first, what depends on it; waits at most {@code timeout}. */
  public void stop(String name, Duration timeout) throws InterruptedException {
    withCommandLockInterruptibly(() -> stop(order.withDependents(known(name)), order, timeout));
  }

  /** Stops {@code name} and what depends on it, then starts them again. */
  public void restart(String name, Duration timeout) throws InterruptedException {
    withCommandLockInterruptibly(() -> {
      Set<String> affected = order.withDependents(known(name));
      stop(affected, order, timeout);
      Set<String> toStart = new LinkedHashSet<>();
      affected.forEach(n -> toStart.addAll(order.withDependencies(n)));
      startNames(toStart);
    });
  }

  public void restartAll(Duration timeout) throws InterruptedException {
    withCommandLockInterruptibly(() -> {
      stop(List.copyOf(table.keySet()), order, timeout);
      startNames(List.copyOf(table.keySet()));
    });
  }

  /** Watches {@code name} again: a live process is adopted, a missing one started. */
  public void monitor(String name) {
    withCommandLock(() -> monitorNames(List.of(known(name))));
  }

  public void monitorAll() {
    withCommandLock(() -> monitorNames(List.copyOf(table.keySet())));
  }

  private void monitorNames(Collection<String> names) {
    withStateLock(() -> names.stream().map(table::get)
        .filter(p -> p.state == ProcessState.STOPPED || p.state == ProcessState.UNMONITORED)
        .forEach(SupervisedProcess::markWaiting));
    scheduler.execute(this::checkAll);
  }

  /** Stops watching {@code name}: nobody restarts it, and it is left running. */
  public void unmonitor(String name) {
    withCommandLock(() -> unmonitorNames(List.of(known(name))));
  }

  public void unmonitorAll() {
    withCommandLock(() -> unmonitorNames(List.copyOf(table.keySet())));
  }

  private void unmonitorNames(Collection<String> names) {
    withStateLock(() -> names.stream().map(table::get).filter(p -> p.state.monitored())
        .forEach(p -> p.state = ProcessState.UNMONITORED));
  }

  @Override
  public JobState jobState() {
    stateLock.lock();
    try {
      return JobStates.of(table.values().stream().map(p -> p.state).toList());
    } finally {
      stateLock.unlock();
    }
  }

  @Override
  public List<ProcessStatus> processes() {
    return reports().stream().map(ProcessReport::toStatus).toList();
  }

  /** One report per supervised process, in load order, with figures read from /proc now. */
  public List<ProcessReport> reports() {
    record Snapshot(String name, String job, ProcessState state, Optional<PidIdentity> running) {}
    List<Snapshot> snapshots;
    stateLock.lock();
    try {
      snapshots = table.values().stream().map(p -> new Snapshot(p.name(), p.jobName, p.state, p.running)).toList();
    } finally {
      stateLock.unlock();
    }
    long memoryTotalKb = procFs.memoryTotalKb();
    return snapshots.stream().map(s -> {
      Optional<ProcStat> stat = s.running().flatMap(id -> procFs.stat(id.pid()))
          .filter(st -> st.alive() && st.startTicks() == s.running().get().startTicks());
      if (stat.isEmpty()) {
        return new ProcessReport(s.name(), s.job(), s.state(), 0, 0, 0, 0, 0, 0);
      }
      ProcStat st = stat.get();
      long uptime = procFs.uptimeSeconds(st);
      long memoryKb = procFs.residentKb(st.pid()).orElse(0);
      double cpuSeconds = (double) (st.userTicks() + st.systemTicks()) / ProcFs.TICKS_PER_SECOND;
      double lifetime = procFs.uptimeSeconds() - (double) st.startTicks() / ProcFs.TICKS_PER_SECOND;
      return new ProcessReport(s.name(), s.job(), s.state(), st.pid(), st.parentPid(), uptime, memoryKb,
          percent(memoryKb, memoryTotalKb), lifetime > 0 ? percent(cpuSeconds, lifetime) : 0);
    }).toList();
  }

  private static double percent(double part, double whole) {
    return whole > 0 ? Math.round(part / whole * 1000) / 10.0 : 0;
  }

  /** Stops every process (bounded by {@link SupervisorSettings#stopAllTimeout()}) and the checks. Idempotent. */
  @Override
  public void close() {
    refuseOnSchedulerThread();
    commandLock.lock();
    try {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      stop(List.copyOf(table.keySet()), order, settings.stopAllTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn("Interrupted while stopping the supervised processes; some may still run");
    } finally {
      commandLock.unlock();
      scheduler.shutdownNow();
    }
  }

  /** Stops {@code names} in stop order (dependents first, independent ones in parallel) within {@code timeout}. */
  private void stop(Collection<String> names, DependencyOrder stopOrder, Duration timeout)
      throws InterruptedException {
    Instant deadline = clock.instant().plus(timeout);
    // Keep a little of the time for SIGKILL, so nothing outlives the stop even when the stop programs overrun.
    Duration killReserve = timeout.dividedBy(4).compareTo(Duration.ofSeconds(1)) < 0
        ? timeout.dividedBy(4) : Duration.ofSeconds(1);
    Instant gracefulEnd = deadline.minus(killReserve);
    for (List<String> group : stopOrder.stopGroups(names)) {
      List<StopPlan> plans = new ArrayList<>();
      withStateLock(() -> group.stream().map(table::get).filter(p -> p.state != ProcessState.STOPPED)
          .forEach(p -> {
            plans.add(stopper.plan(p));
            p.state = ProcessState.STOPPING;
          }));
      boolean completed = false;
      try (ExecutorService stops = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<Boolean>> results = new ArrayList<>();
        for (StopPlan plan : plans) {
          results.add(stops.submit(() -> stopper.stop(plan, gracefulEnd, deadline)));
        }
        for (Future<Boolean> result : results) {
          awaitStop(result);
        }
        completed = true;
      } finally {
        // A stop cut short may have left the process alive: unmonitored says so, and a later stop tries again.
        ProcessState end = completed ? ProcessState.STOPPED : ProcessState.UNMONITORED;
        withStateLock(() -> plans.stream().map(plan -> table.get(plan.name()))
            .filter(p -> p != null && p.state == ProcessState.STOPPING)
            .forEach(p -> {
              if (end == ProcessState.STOPPED) {
                p.markStopped();
              } else {
                p.state = end;
              }
            }));
      }
    }
  }

  private static void awaitStop(Future<Boolean> result) throws InterruptedException {
    try {
      result.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("stopping a process failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** The scheduled check of every process; must never throw, or the scheduler would stop calling it. */
  private void checkAll() {
    try {
      List<ProcessEvent> events = new ArrayList<>();
      withStateLock(() -> {
        Instant now = clock.instant();
        for (SupervisedProcess process : table.values()) {
          monitor.check(process, table, now).ifPresent(events::add);
        }
      });
      events.forEach(this::tell);
    } catch (RuntimeException e) {
      log.error("Checking the supervised processes failed", e);
    }
  }

  private void tell(ProcessEvent event) {
    try {
      listener.processEvent(event.service(), event.event(), event.action(), event.description());
    } catch (RuntimeException e) {
      log.warn("The supervisor listener failed on event '{}' of '{}'", event.event(), event.service(), e);
    }
  }

  private String known(String name) {
    stateLock.lock();
    try {
      if (!table.containsKey(name)) {
        throw new IllegalArgumentException("there is no process named '" + name + "'");
      }
      return name;
    } finally {
      stateLock.unlock();
    }
  }

  private void withStateLock(Runnable action) {
    stateLock.lock();
    try {
      action.run();
    } finally {
      stateLock.unlock();
    }
  }

  private void withCommandLock(Runnable command) {
    refuseOnSchedulerThread();
    commandLock.lock();
    try {
      ensureOpen();
      command.run();
    } finally {
      commandLock.unlock();
    }
  }

  private void withCommandLockInterruptibly(Command command) throws InterruptedException {
    refuseOnSchedulerThread();
    commandLock.lockInterruptibly();
    try {
      ensureOpen();
      command.run();
    } finally {
      commandLock.unlock();
    }
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the job supervisor is closed");
    }
  }

  private void refuseOnSchedulerThread() {
    if (Thread.currentThread() == schedulerThread) {
      throw new IllegalStateException("commands cannot run on the supervisor's own thread (from a listener)");
    }
  }

  /** A command that may wait for processes to end. */
  private interface Command {
    void run() throws InterruptedException;
  }
}
