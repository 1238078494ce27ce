package io.lazarus.director.tasks;

import io.lazarus.director.DirectorException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Director's workers: virtual threads that claim queued tasks from the database and run their jobs, plus a
 * keeper that renews the checkpoint of running tasks (so BOSH's lazy timeout fires only for tasks whose worker
 * died).
 *
 * <p>Lifecycle: {@link #start()} once, {@link #close()} once. IMPORTANT: must be closed; closing interrupts the
 * running jobs, whose tasks are then ended as "director restarted" by the next start.
 */
public final class TaskRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);
  private static final long IDLE_POLL_MS = 1_000;
  private static final int GENERIC_ERROR_CODE = 100;

  private enum State { LATENT, STARTED, CLOSED }

  private final TaskRepository tasks;
  private final TaskOutputs outputs;
  private final JobRegistry jobs;
  private final Clock clock;
  private final int workerCount;
  private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
  private final Semaphore wakeUp = new Semaphore(0);
  private final Set<Long> running = ConcurrentHashMap.newKeySet();
  private final List<Thread> threads = new ArrayList<>();

  public TaskRunner(TaskRepository tasks, TaskOutputs outputs, JobRegistry jobs, Clock clock, int workerCount) {
    this.tasks = tasks;
    this.outputs = outputs;
    this.jobs = jobs;
    this.clock = clock;
    this.workerCount = workerCount;
  }

  public void start() {
    if (!state.compareAndSet(State.LATENT, State.STARTED)) {
      throw new IllegalStateException("task runner cannot be started twice");
    }
    for (int i = 0; i < workerCount; i++) {
      threads.add(Thread.ofVirtual().name("task-worker-" + i).start(this::work));
    }
    threads.add(Thread.ofVirtual().name("task-checkpoints").start(this::keepCheckpoints));
  }

  /** Tells an idle worker that a task was queued, so it starts without waiting for the next poll. */
  public void wakeUp() {
    wakeUp.release();
  }

  /** Ids of the tasks this Director is running now. */
  public Set<Long> runningTaskIds() {
    return Set.copyOf(running);
  }

  private void work() {
    while (state.get() == State.STARTED) {
      try {
        Optional<Task> claimed = tasks.claimNext();
        if (claimed.isPresent()) {
          run(claimed.get());
        } else {
          wakeUp.tryAcquire(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (state.get() != State.STARTED) {
          return;
        }
        LOG.error("task worker failed to claim a task; retrying", e);
        sleepQuietly(IDLE_POLL_MS);
      }
    }
  }

  private void run(Task task) {
    running.add(task.id());
    TaskContext context = new TaskContext(task, tasks, outputs, clock);
    context.bindToThread();
    try {
      Job job =
          jobs.find(task.type())
              .orElseThrow(() -> new IllegalStateException("no job for task type '" + task.type() + "'"))
              .create(task);
      String result = job.perform(context);
      tasks.finish(task.id(), TaskState.DONE, result);
    } catch (TaskCancelledException e) {
      tasks.finish(task.id(), TaskState.CANCELLED, "task cancelled");
    } catch (DirectorException e) {
      fail(task, context, e.code(), e.getMessage());
    } catch (InterruptedException e) {
      // The Director is stopping: leave the task processing; the next start ends it as "director restarted".
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      if (state.get() != State.STARTED) {
        return;
      }
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (!(e instanceof IllegalArgumentException)) {
        LOG.error("task {} ({}) failed", task.id(), task.type(), e);
      }
      fail(task, context, GENERIC_ERROR_CODE, message);
    } finally {
      TaskContext.unbindFromThread();
      running.remove(task.id());
    }
  }

  private void fail(Task task, TaskContext context, int code, String message) {
    context.events().error(code, message);
    context.debug("ERROR: " + message);
    tasks.finish(task.id(), TaskState.ERROR, message);
  }

  private void keepCheckpoints() {
    while (state.get() == State.STARTED) {
      sleepQuietly(TaskRepository.CHECKPOINT_INTERVAL_MS);
      for (long id : running) {
        try {
          tasks.checkpoint(id);
        } catch (RuntimeException e) {
          if (state.get() == State.STARTED) {
            LOG.warn("cannot renew checkpoint of task {}: {}", id, e.getMessage());
          }
        }
      }
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (state.getAndSet(State.CLOSED) != State.STARTED) {
      return;
    }
    threads.forEach(Thread::interrupt);
    for (Thread thread : threads) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
