package io.lazarus.testing;

import java.nio.file.Path;

/**
 * The databases every persistence test runs against: the embedded H2 file the Director uses by default, and a
 * real PostgreSQL. Use with {@code @ParameterizedTest @EnumSource(DatabaseKind.class)}.
 */
public enum DatabaseKind {
  H2,
  POSTGRESQL;

  /** A new empty database of this kind; H2 lives in {@code dir}. */
  public TestDatabase create(Path dir) {
    return switch (this) {
      case H2 ->
          new TestDatabase(
              "jdbc:h2:file:" + dir.toAbsolutePath().resolve("h2").resolve("director")
                  + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;TRACE_LEVEL_FILE=4;WRITE_DELAY=0",
              "sa",
              "");
      case POSTGRESQL -> PostgresServer.shared().newDatabase();
    };
  }
}
