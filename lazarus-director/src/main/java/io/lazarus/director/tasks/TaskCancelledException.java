package io.lazarus.director.tasks;

/** Raised at a checkpoint of a task whose cancel was requested; ends the task as cancelled. */
public final class TaskCancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TaskCancelledException(long taskId) {
    super("Task " + taskId + " cancelled");
  }
}
