package io.lazarus.director.db;

/** The database could not be opened or migrated; the message names it and the root cause. */
public final class DatabaseUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DatabaseUnavailableException(DatabaseConfig config, Throwable cause) {
    super("cannot open database " + config.describe() + ": " + rootMessage(cause), cause);
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    if (message.contains("90020") || message.contains("already in use")) {
      return "it is in use by another process (is another director running on this store?)";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
