package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.core.json.Json;
import io.lazarus.director.DevSetup;
import io.lazarus.director.Director;
import io.lazarus.director.DirectorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI against a real in-process Director started as {@code lazarus director --dev} starts it. */
class RealDirectorIT {
  @TempDir
  static Path dir;

  private static Director director;
  private static Map<?, ?> env;

  @BeforeAll
  static void start() throws Exception {
    director = Director.start(DirectorConfig.load(DevSetup.writeDevConfig(dir.resolve("store"), "127.0.0.1", 0)));
    env = Json.read(Files.readString(director.envFile()), Map.class);
  }

  @AfterAll
  static void stop() {
    director.close();
  }

  @Test
  void aliasLogInThenWorkWithConfigsResurrectionAndEvents() throws Exception {
    CliRun cli = new CliRun(Files.createTempDirectory(dir, "home")).clock(Clock.systemUTC());
    String url = director.url().toString();

    CliRun.Result aliased = cli.run("alias-env", "dev", "-e", url, "--ca-cert", env.get("ca_cert").toString());
    CliRun.Result loggedIn = cli.stdin(env.get("client") + "\n" + env.get("client_secret") + "\n").run("log-in", "-e", "dev");
    Path rules = Files.writeString(dir.resolve("rules.yml"), "rules:\n- enabled: false\n  include: {deployments: [db]}\n");
    CliRun.Result updated = cli.run("-e", "dev", "-n", "update-config", "--type", "resurrection", "--name", "db", rules.toString());
    CliRun.Result configs = cli.run("-e", "dev", "configs", "--type", "resurrection");
    CliRun.Result paused = cli.run("-e", "dev", "update-resurrection", "off", "--for", "1h");
    CliRun.Result events = cli.run("-e", "dev", "events", "--json");

    assertThat(aliased.exitCode()).as(aliased.err()).isZero();
    assertThat(loggedIn.exitCode()).as(loggedIn.err()).isZero();
    assertThat(updated.exitCode()).as(updated.err()).isZero();
    assertThat(updated.out()).contains("+ rules:");
    assertThat(configs.outTrimmed()).containsPattern("\\d+\\*  resurrection  db");
    assertThat(paused.exitCode()).as(paused.err()).isZero();
    assertThat(events.out()).contains("\"object_type\": \"resurrection\"").contains("\"action\": \"update\"");
  }

  @Test
  void wrongCredentialsAreRefused() throws Exception {
    CliRun cli = new CliRun(Files.createTempDirectory(dir, "home"))
        .variable("BOSH_ENVIRONMENT", director.url().toString())
        .variable("BOSH_CA_CERT", env.get("ca_cert").toString())
        .stdin("admin\nnot-the-password\n");

    CliRun.Result result = cli.run("log-in");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("Invalid credentials");
  }
}
