package io.lazarus.director.tasks;

import java.time.Clock;
import java.time.Instant;

/**
 * What a running {@link Job} sees of its task: its id and user, its outputs, and checkpoints. One per task run;
 * used by the job's thread (and threads it starts for the same task).
 */
public final class TaskContext {
  /** The task a thread works for; threads a job starts (instance updates in flight) inherit it. */
  private static final InheritableThreadLocal<TaskContext> CURRENT = new InheritableThreadLocal<>();

  private final Task task;
  private final TaskRepository tasks;
  private final TaskOutputs outputs;
  private final EventLog events;
  private final Clock clock;

  TaskContext(Task task, TaskRepository tasks, TaskOutputs outputs, Clock clock) {
    this.task = task;
    this.tasks = tasks;
    this.outputs = outputs;
    this.clock = clock;
    this.events = new EventLog(outputs, task.id(), clock);
  }

  /**
   * The task the calling thread works for, if any: how services shared by all tasks, such as an external CPI, find
   * the task whose {@code cpi} output their log belongs to.
   */
  public static java.util.Optional<TaskContext> current() {
    return java.util.Optional.ofNullable(CURRENT.get());
  }

  void bindToThread() {
    CURRENT.set(this);
  }

  static void unbindFromThread() {
    CURRENT.remove();
  }

  public long taskId() {
    return task.id();
  }

  public String username() {
    return task.username();
  }

  public Task task() {
    return task;
  }

  public EventLog events() {
    return events;
  }

  /** Appends a line to the debug log. */
  public void debug(String message) {
    outputs.append(task.id(), OutputType.DEBUG, Instant.now(clock) + " " + message + "\n");
  }

  /** Appends a line to the CPI log (the external CPI's own log output). */
  public void cpiLog(String text) {
    outputs.append(task.id(), OutputType.CPI, text.endsWith("\n") ? text : text + "\n");
  }

  /** Appends one line to the result output (for instance one JSON object per VM). */
  public void resultLine(String line) {
    outputs.append(task.id(), OutputType.RESULT, line + "\n");
  }

  /** Records progress and tells whether a cancel was requested, for waits that end themselves cleanly. */
  public boolean cancelRequested() {
    return tasks.checkpoint(task.id()) == TaskState.CANCELLING;
  }

  /**
   * Records progress and honours a cancel request.
   *
   * @throws TaskCancelledException when the task was asked to stop
   */
  public void checkpoint() {
    if (tasks.checkpoint(task.id()) == TaskState.CANCELLING) {
      throw new TaskCancelledException(task.id());
    }
  }
}
