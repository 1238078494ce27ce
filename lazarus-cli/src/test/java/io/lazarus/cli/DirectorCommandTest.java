package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorCommandTest {
  @TempDir
  Path home;

  @Test
  void aBadConfigIsReportedWithFileAndLine() throws Exception {
    Path config = Files.writeString(home.resolve("director.yml"), "name: x\nport: [\n");

    CliRun.Result result = new CliRun(home).run("director", "--config", config.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains(config.getFileName().toString()).contains("line");
  }

  @Test
  void configAndDevExcludeEachOther() {
    CliRun cli = new CliRun(home);

    assertThat(cli.run("director").exitCode()).isEqualTo(2);
    assertThat(cli.run("director", "--dev", "--config", "x.yml").exitCode()).isEqualTo(2);
  }
}
