package io.lazarus.agent.rpc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BOSH's agent tasks: async methods run on a virtual thread each; {@code get_task} reads their state and
 * {@code cancel_task} interrupts them. Finished tasks are remembered (the most recent {@value #KEPT_FINISHED}) so
 * a Director that polls late still gets the result. Thread-safe. IMPORTANT: must be closed; close interrupts the
 * running tasks.
 */
public final class AgentTasks implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AgentTasks.class);
  static final int KEPT_FINISHED = 200;

  /** A task's state as get_task reports it. */
  public enum State {
    RUNNING,
    DONE,
    FAILED
  }

  /** What is known about a task now. {@code result} is set when done, {@code error} when failed. */
  public record Snapshot(String id, State state, Object result, String error) {}

  private final ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("agent-task-", 0).factory());
  private final Map<String, Task> tasks = new LinkedHashMap<>();

  private static final class Task {
    final String id;
    final String method;
    volatile Future<?> future;
    private State state = State.RUNNING;
    private Object result;
    private String error;

    Task(String id, String method) {
      this.id = id;
      this.method = method;
    }

    synchronized Snapshot snapshot() {
      return new Snapshot(id, state, result, error);
    }

    /** The first outcome wins: a task canceled while it finishes stays canceled. */
    synchronized boolean finish(State outcome, Object value, String failure) {
      if (state != State.RUNNING) {
        return false;
      }
      result = value;
      error = failure;
      state = outcome;
      return true;
    }
  }

  /** Starts {@code method} as a task and returns its id at once. */
  public String start(String name, RpcMethod method, Arguments arguments) {
    Task task = new Task(UUID.randomUUID().toString(), name);
    synchronized (tasks) {
      tasks.put(task.id, task);
      evictFinished();
    }
    task.future = executor.submit(() -> run(task, method, arguments));
    return task.id;
  }

  private void run(Task task, RpcMethod method, Arguments arguments) {
    try {
      Object result = method.call(arguments);
      if (task.finish(State.DONE, result, null)) {
        log.info("task {} ({}) done", task.id, task.method);
      }
    } catch (InterruptedException e) {
      task.finish(State.FAILED, null, "canceled");
      log.info("task {} ({}) canceled", task.id, task.method);
    } catch (Exception | LinkageError e) {
      if (task.finish(State.FAILED, null, messageOf(e))) {
        if (e instanceof RpcException) {
          log.warn("task {} ({}) failed: {}", task.id, task.method, messageOf(e));
        } else {
          log.warn("task {} ({}) failed", task.id, task.method, e);
        }
      }
    }
  }

  static String messageOf(Throwable e) {
    return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
  }

  public java.util.Optional<Snapshot> find(String id) {
    synchronized (tasks) {
      Task task = tasks.get(id);
      return task == null ? java.util.Optional.empty() : java.util.Optional.of(task.snapshot());
    }
  }

  /** Interrupts a running task; false when no such task exists. */
  public boolean cancel(String id) {
    Task task;
    synchronized (tasks) {
      task = tasks.get(id);
    }
    if (task == null) {
      return false;
    }
    Future<?> future = task.future;
    if (future != null) {
      future.cancel(true);
    }
    task.finish(State.FAILED, null, "canceled");
    return true;
  }

  private void evictFinished() {
    int finished = (int) tasks.values().stream().filter(t -> t.snapshot().state() != State.RUNNING).count();
    var iterator = tasks.values().iterator();
    while (finished > KEPT_FINISHED && iterator.hasNext()) {
      if (iterator.next().snapshot().state() != State.RUNNING) {
        iterator.remove();
        finished--;
      }
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
