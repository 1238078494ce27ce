package io.lazarus.cpi.dummy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The asynchronous methods of one simulated agent (BOSH's agent tasks): each runs on the CPI's shared executor and
 * is found again by {@code get_task}. The most recent {@value #KEPT} tasks are remembered, as the real agent keeps
 * finished ones for a Director that polls late. Thread-safe.
 */
final class AgentTasks {
  static final int KEPT = 100;

  private final Executor executor;
  private final Map<String, CompletableFuture<Object>> tasks = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Object>> eldest) {
      return size() > KEPT && eldest.getValue().isDone();
    }
  };

  AgentTasks(Executor executor) {
    this.executor = executor;
  }

  /** Starts {@code work} and returns the reply the Director polls with: {@code {agent_task_id, state: running}}. */
  Map<String, Object> start(Supplier<Object> work) {
    String id = UUID.randomUUID().toString();
    CompletableFuture<Object> task = CompletableFuture.supplyAsync(work, executor);
    synchronized (tasks) {
      tasks.put(id, task);
    }
    return running(id);
  }

  /** {@code get_task [id]}: still running, the result, or the exception {@code Task <id> result: <error>}. */
  Object get(String id) {
    CompletableFuture<Object> task = find(id);
    if (!task.isDone()) {
      return running(id);
    }
    try {
      return task.join();
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      String message = e instanceof java.util.concurrent.CancellationException ? "canceled" : String.valueOf(cause.getMessage());
      throw new AgentFailure("Task " + id + " result: " + message);
    }
  }

  /** {@code cancel_task [id]}. */
  String cancel(String id) {
    find(id).cancel(true);
    return "canceled";
  }

  private CompletableFuture<Object> find(String id) {
    synchronized (tasks) {
      CompletableFuture<Object> task = tasks.get(id);
      if (task == null) {
        throw new AgentFailure("Task with id " + id + " could not be found");
      }
      return task;
    }
  }

  private static Map<String, Object> running(String id) {
    return Map.of("agent_task_id", id, "state", "running");
  }
}
