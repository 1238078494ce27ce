package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.cli.config.CliConfig;
import io.lazarus.cli.config.ConfigStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Argument parsing and usage errors; none of these reach a Director. */
class CommandLineTest {
  @TempDir
  Path home;

  @Test
  void usageErrorsExitWithTwoAndNameTheProblem() {
    CliRun cli = new CliRun(home).variable("BOSH_ENVIRONMENT", "127.0.0.1:1");

    assertThat(cli.run().exitCode()).isEqualTo(2);
    assertThat(cli.run("no-such-command").exitCode()).isEqualTo(2);
    assertThat(cli.run("delete-stemcell").err()).startsWith("Missing required parameter: 'NAME/VERSION'");
    assertThat(cli.run("delete-stemcell", "ubuntu").err()).startsWith("Expected 'ubuntu' to be NAME/VERSION");
    assertThat(cli.run("update-resurrection", "maybe").exitCode()).isEqualTo(2);
    assertThat(cli.run("update-resurrection", "on", "--for", "2h").err()).startsWith("--for applies only to 'off'");
    assertThat(cli.run("update-resurrection", "off", "--for", "soon").err())
        .startsWith("Invalid value for --for: Expected a duration like 2h, 90m or 1h30m, got 'soon'");
    assertThat(cli.run("config", "3", "--type", "cloud").err()).startsWith("Expected either ID or --type and --name");
    assertThat(cli.run("task", "1", "--debug", "--cpi").exitCode()).isEqualTo(2);
  }

  @Test
  void helpOfACommandShowsItsUsageInsteadOfAMissingParameter() {
    CliRun.Result deploy = new CliRun(home).run("deploy", "--help");
    CliRun.Result top = new CliRun(home).run("--help");

    assertThat(deploy.exitCode()).as(deploy.err()).isZero();
    assertThat(deploy.out()).startsWith("Usage: lazarus deploy").contains("--recreate", "--ops-file", "-h, --help");
    assertThat(top.out()).startsWith("Usage: lazarus").contains("deploy", "-V, --version");
  }

  @Test
  void globalOptionsWorkBeforeAndAfterTheCommand() {
    CliRun cli = new CliRun(home);
    new ConfigStore(cli.configFile()).save(CliConfig.empty().withAlias("dev", "https://10.0.0.6", null)
        .withCredentials("dev", "https://10.0.0.6", "admin", "s"));

    CliRun.Result before = cli.run("-e", "dev", "log-out");
    CliRun.Result after = cli.run("log-out", "--environment", "dev", "--json");

    assertThat(before.out()).isEqualTo("Logged out from 'https://10.0.0.6'\n\nSucceeded\n");
    assertThat(after.out()).contains("\"Logged out from 'https://10.0.0.6'\",");
  }

  @Test
  void aMissingEnvironmentIsACommandError() {
    CliRun.Result result = new CliRun(home).run("stemcells");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("Expected non-empty Director URL (pass -e or set BOSH_ENVIRONMENT)\n");
    assertThat(result.out()).isEqualTo("\nExit code 1\n");
  }
}
