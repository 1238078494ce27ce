package io.lazarus.director.tasks;

/**
 * The work of one task. Implementations call {@link TaskContext#checkpoint()} between steps so a cancel takes
 * effect, and write progress through {@link TaskContext#events()}.
 */
@FunctionalInterface
public interface Job {

  /**
   * Performs the job.
   *
   * @return the task's result text (BOSH shows it in the Result column)
   * @throws TaskCancelledException when a checkpoint sees a cancel request
   * @throws Exception any failure, which ends the task in state error with the exception's message as result
   */
  String perform(TaskContext context) throws Exception;
}
