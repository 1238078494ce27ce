package io.lazarus.director.db;

import java.nio.file.Path;

/** Where the Director's database lives: a JDBC URL with optional credentials. */
public record DatabaseConfig(String url, String user, String password) {

  /**
   * The embedded default: an H2 file under {@code <store>/director/db}, in PostgreSQL mode. {@code WRITE_DELAY=0}
   * writes each commit to the file at once: with H2's default of 500 ms a killed Director lost its last commits
   * (a task found queued again, or gone), which CrashRecoveryIT caught.
   */
  public static DatabaseConfig embedded(Path store) {
    Path file = store.resolve("director").resolve("db").resolve("director").toAbsolutePath();
    return new DatabaseConfig(
        "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;TRACE_LEVEL_FILE=4;WRITE_DELAY=0",
        "sa",
        "");
  }

  public boolean isEmbedded() {
    return url.startsWith("jdbc:h2:");
  }

  /** The URL without credentials or options, for logs and messages. */
  public String describe() {
    int options = url.indexOf(';');
    int query = url.indexOf('?');
    int cut = options >= 0 ? options : query >= 0 ? query : url.length();
    return url.substring(0, cut);
  }
}
