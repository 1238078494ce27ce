package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.cli.config.ConfigStore;
import io.lazarus.cli.config.EnvironmentEntry;
import io.lazarus.cli.fake.FakeDirector;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EnvironmentIT extends FakeDirectorCase {
  @Test
  void aliasThenLogInThenUseTheAliasAlone() throws Exception {
    Path ca = Files.writeString(home.resolve("ca.pem"), director.caPem());
    CliRun cli = new CliRun(home);

    CliRun.Result aliased = cli.run("alias-env", "dev", "-e", director.url(), "--ca-cert", ca.toString());
    CliRun.Result loggedIn = cli.stdin(FakeDirector.CLIENT + "\n" + FakeDirector.SECRET + "\n").run("log-in", "-e", "dev");
    CliRun.Result env = new CliRun(home).run("-e", "dev", "env");

    assertThat(aliased.exitCode()).as(aliased.err()).isZero();
    assertThat(loggedIn.exitCode()).as(loggedIn.err()).isZero();
    assertThat(loggedIn.out()).contains("Username: Password: Logged in to '" + director.url() + "'");
    EnvironmentEntry saved = new ConfigStore(cli.configFile()).load().find("dev").orElseThrow();
    assertThat(saved).isEqualTo(new EnvironmentEntry("dev", director.url(), director.caPem(), "admin", "admin-secret", null, null));
    assertThat(env.outTrimmed()).isEqualTo("""
        Using environment '%s' as client 'admin'

        Name               fake
        UUID               8e2b6b1c-0000-4000-8000-000000000001
        Version            1.0.0 (00000000)
        Director Stemcell  ubuntu-jammy/1.1
        CPI                fake-cpi
        Features           local_dns: enabled
                           snapshots: disabled
        User               admin

        Succeeded
        """.formatted(director.url()));
  }

  @Test
  void logInRefusesCredentialsTheDirectorDoesNotAccept() throws Exception {
    CliRun cli = DirectorFixture.anonymous(home, director).stdin("admin\nwrong\n");

    CliRun.Result result = cli.run("log-in");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("Invalid credentials");
    assertThat(cli.configFile()).doesNotExist();
  }

  @Test
  void questionsCannotBeAskedInJsonModeWithoutN() throws Exception {
    CliRun.Result result = DirectorFixture.anonymous(home, director).run("log-in", "--json");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).contains("Cannot ask for username while writing --json output; pass -n");
  }

  @Test
  void logOutForgetsCredentialsButKeepsTheAlias() throws Exception {
    CliRun cli = new CliRun(home);
    new ConfigStore(cli.configFile()).save(new io.lazarus.cli.config.CliConfig(java.util.List.of(
        new EnvironmentEntry("dev", director.url(), director.caPem(), "admin", "admin-secret", null, null))));

    CliRun.Result result = cli.run("log-out", "-e", "dev");

    assertThat(result.out()).contains("Logged out from '" + director.url() + "'");
    assertThat(new ConfigStore(cli.configFile()).load().find("dev").orElseThrow())
        .isEqualTo(new EnvironmentEntry("dev", director.url(), director.caPem(), null, null, null, null));
  }

  @Test
  void withoutCredentialsTheDirectorsRefusalIsShownAsTheBoshCliShowsIt() throws Exception {
    CliRun.Result result = DirectorFixture.anonymous(home, director).run("stemcells");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).startsWith("Using environment '" + director.url() + "' as anonymous user\n");
    assertThat(result.err()).isEqualTo("Director responded with non-successful status code '401' response "
        + "'{\"code\":600000,\"description\":\"Not authorized: '/stemcells'\"}'\n");
  }

  @Test
  void anUntrustedDirectorIsRefused() throws Exception {
    CliRun.Result result = new CliRun(home).variable("BOSH_ENVIRONMENT", director.url()).run("env");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("Performing request GET '" + director.url() + "/info'");
  }
}
