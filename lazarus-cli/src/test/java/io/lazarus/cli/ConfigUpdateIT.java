package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfigUpdateIT extends FakeDirectorCase {
  private Path file;

  @BeforeEach
  void start() throws Exception {
    director.answer("POST", "/configs/diff", 200,
        "{\"from\":{\"id\":\"7\"},\"diff\":[[\"rules:\",null],[\"- enabled: false\",\"added\"],[\"- enabled: true\",\"removed\"]]}");
    director.answer("POST", "/configs", 201,
        "{\"id\":\"8\",\"type\":\"resurrection\",\"name\":\"r\",\"content\":\"x\",\"created_at\":\"now\",\"current\":true}");
    file = Files.writeString(home.resolve("r.yml"), "rules:\n- enabled: false\n");
  }

  @Test
  void showsTheDiffAsksAndCreatesAgainstTheLatestId() throws Exception {
    CliRun.Result result = DirectorFixture.loggedIn(home, director).stdin("y\n")
        .run("update-config", "--type", "resurrection", "--name", "r", file.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("""
          rules:
        + - enabled: false
        - - enabled: true
        Continue? [yN]: \nSucceeded""");
    assertThat(director.requests("POST", "/configs/diff").getFirst().bodyText())
        .isEqualTo("{\"type\":\"resurrection\",\"name\":\"r\",\"content\":\"rules:\\n- enabled: false\\n\"}");
    assertThat(director.requests("POST", "/configs").getLast().bodyText()).isEqualTo(
        "{\"type\":\"resurrection\",\"name\":\"r\",\"content\":\"rules:\\n- enabled: false\\n\",\"expected_latest_id\":\"7\"}");
  }

  @Test
  void aConcurrentUpdateIsReported() throws Exception {
    director.answer("POST", "/configs", 412,
        "{\"latest_id\":\"9\",\"expected_latest_id\":\"7\",\"description\":\"Config was updated concurrently\"}");

    CliRun.Result result = DirectorFixture.loggedIn(home, director)
        .run("-n", "update-config", "--type", "resurrection", "--name", "r", file.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("""
        Updating config:
          Director responded with non-successful status code '412' response '{"latest_id":"9","expected_latest_id":"7","description":"Config was updated concurrently"}'
        """);
  }

  @Test
  void invalidYamlIsRejectedBeforeAnyRequestNamingTheLine() throws Exception {
    Files.writeString(file, "rules:\n  - enabled: [\n");

    CliRun.Result result = DirectorFixture.loggedIn(home, director)
        .run("-n", "update-config", "--type", "resurrection", "--name", "r", file.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains(file.toString()).contains("line");
    assertThat(director.requests("POST", "/configs")).isEmpty();
  }

  @Test
  void updateCloudConfigIsTheDefaultCloudConfig() throws Exception {
    DirectorFixture.loggedIn(home, director).run("-n", "update-cloud-config", file.toString());

    assertThat(director.requests("POST", "/configs").getLast().bodyText())
        .startsWith("{\"type\":\"cloud\",\"name\":\"default\",");
  }

  @Test
  void updateCpiConfigIsTheDefaultCpiConfig() throws Exception {
    DirectorFixture.loggedIn(home, director).run("-n", "update-cpi-config", file.toString());

    assertThat(director.requests("POST", "/configs/diff").getLast().bodyText()).startsWith("{\"type\":\"cpi\",\"name\":\"default\",");
    assertThat(director.requests("POST", "/configs").getLast().bodyText()).startsWith("{\"type\":\"cpi\",\"name\":\"default\",");
  }
}
