package io.lazarus.director.tasks;

/**
 * Where API handlers start work: a task row is written (so it survives a restart) and a worker is woken.
 * Thread-safe.
 */
public final class TaskQueue {
  private final TaskRepository tasks;
  private final TaskRunner runner;

  public TaskQueue(TaskRepository tasks, TaskRunner runner) {
    this.tasks = tasks;
    this.runner = runner;
  }

  public Task enqueue(NewTask task) {
    Task created = tasks.create(task);
    runner.wakeUp();
    return created;
  }
}
