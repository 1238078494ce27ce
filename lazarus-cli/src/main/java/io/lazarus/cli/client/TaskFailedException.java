package io.lazarus.cli.client;

/** A followed task ended in any state but {@code done}. */
public final class TaskFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TaskFailedException(long id, String state) {
    super("Expected task '" + id + "' to succeed but state is '" + state + "'");
  }
}
