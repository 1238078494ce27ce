package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.cli.fake.FakeDirector;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code deploy} sends the bosh CLI v7's diff and deploy requests, with its flags as query parameters. */
class DeployCommandIT extends FakeDirectorCase {
  private static final String DIFF = "{\"context\":{\"cloud_config_ids\":[3],\"runtime_config_ids\":[]},\"diff\":[[\"name: demo\",null],[\"update: {canaries: 1}\",\"added\"]]}";

  private Path manifest;

  @BeforeEach
  void start() throws Exception {
    manifest = Files.writeString(home.resolve("demo.yml"), "name: demo\nupdate: {canaries: 1}\n");
    director.answer("POST", "/deployments/demo/diff", 200, DIFF);
    director.taskFor("POST", "/deployments", "create deployment");
  }

  @Test
  void aPlainDeployAsksForARedactedDiffAndPostsTheManifestWithItsContext() {
    CliRun.Result result = cli.run("-d", "demo", "-n", "deploy", manifest.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(director.requests("POST", "/deployments/demo/diff").getFirst().uri()).isEqualTo("/deployments/demo/diff?redact=true");
    FakeDirector.Recorded post = director.requests("POST", "/deployments?").getFirst();
    assertThat(post.uri()).isEqualTo("/deployments?context=%7B%22cloud_config_ids%22%3A%5B3%5D%2C%22runtime_config_ids%22%3A%5B%5D%7D");
    assertThat(post.header("content-type")).isEqualTo("text/yaml");
    assertThat(post.bodyText()).isEqualTo("name: demo\nupdate: {canaries: 1}\n");
    assertThat(result.out()).contains("+ update: {canaries: 1}").contains("Succeeded");
  }

  @Test
  void everyDeployFlagBecomesBoshsQueryParameter() {
    CliRun.Result result = cli.run("-d", "demo", "-n", "deploy", manifest.toString(), "--no-redact", "--recreate", "--recreate-persistent-disks", "--fix",
        "--skip-drain", "web", "--skip-drain", "db/0", "--canaries", "2", "--max-in-flight", "50%", "--dry-run");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(director.requests("POST", "/deployments/demo/diff").getFirst().uri()).isEqualTo("/deployments/demo/diff?redact=false");
    assertThat(director.requests("POST", "/deployments?").getFirst().uri()).isEqualTo("/deployments?canaries=2"
        + "&context=%7B%22cloud_config_ids%22%3A%5B3%5D%2C%22runtime_config_ids%22%3A%5B%5D%7D&dry_run=true&fix=true&max_in_flight=50%25"
        + "&recreate=true&recreate_persistent_disks=true&skip_drain=web%2Cdb%2F0");
  }

  @Test
  void skipDrainWithoutAValueSkipsEveryDrain() {
    CliRun.Result result = cli.run("-d", "demo", "-n", "deploy", manifest.toString(), "--skip-drain");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(director.requests("POST", "/deployments?").getFirst().uri()).endsWith("&skip_drain=%2A");
  }
}
