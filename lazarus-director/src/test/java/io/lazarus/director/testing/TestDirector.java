package io.lazarus.director.testing;

import io.lazarus.director.Director;
import io.lazarus.director.DirectorConfig;
import io.lazarus.testing.DatabaseKind;
import io.lazarus.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real Director for a test: its own store under a temporary directory, a fresh H2 or PostgreSQL database, HTTPS
 * on a free loopback port, and two local users: {@code admin} (admin) and {@code reader} (bosh.read). The config
 * is written as YAML and read by the real loader. IMPORTANT: close it (try-with-resources).
 */
public final class TestDirector implements AutoCloseable {
  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "admin-secret";
  public static final String READER = "reader";
  public static final String READER_PASSWORD = "reader-secret";

  private final Path configFile;
  private Director director;

  private TestDirector(Path configFile) throws IOException {
    this.configFile = configFile;
    this.director = Director.start(DirectorConfig.load(configFile));
  }

  /** Starts a Director on {@code kind} with its store in {@code dir}. */
  public static TestDirector start(DatabaseKind kind, Path dir) throws IOException {
    return start(kind, dir, "");
  }

  /** Starts a Director whose config gets {@code extraYaml} appended (top-level keys). */
  public static TestDirector start(DatabaseKind kind, Path dir, String extraYaml) throws IOException {
    TestDatabase database = kind.create(dir);
    String yaml =
        "name: test-director\n"
            + "address: 127.0.0.1\n"
            + "port: 0\n"
            + "store: store\n"
            + "workers: 2\n"
            + "database:\n"
            + "  url: \"" + database.url() + "\"\n"
            + "  user: " + database.user() + "\n"
            + "  password: \"" + database.password() + "\"\n"
            + (extraYaml.contains("user_management:")
                ? ""
                : "user_management:\n"
                    + "  provider: local\n"
                    + "  local:\n"
                    + "    users:\n"
                    + "    - {name: " + ADMIN + ", password: " + ADMIN_PASSWORD + "}\n"
                    + "    - {name: " + READER + ", password: " + READER_PASSWORD + ", scopes: [bosh.read]}\n")
            + extraYaml;
    Path config = dir.resolve("director.yml");
    Files.writeString(config, yaml);
    return new TestDirector(config);
  }

  public Director director() {
    return director;
  }

  public Director.DirectorServices services() {
    return director.services();
  }

  public Path store() {
    return services().store().root();
  }

  /** An anonymous client that trusts the Director's CA. */
  public ApiClient client() {
    return ApiClient.create(director.url(), services().store().tls().resolve("ca.pem"));
  }

  public ApiClient admin() {
    return client().basic(ADMIN, ADMIN_PASSWORD);
  }

  public ApiClient reader() {
    return client().basic(READER, READER_PASSWORD);
  }

  /** Stops the Director and starts a new one on the same store and database (a restart). */
  public void restart() throws IOException {
    director.close();
    director = Director.start(DirectorConfig.load(configFile));
  }

  @Override
  public void close() {
    director.close();
  }
}
