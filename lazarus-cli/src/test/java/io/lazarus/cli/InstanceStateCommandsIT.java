package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.cli.fake.FakeDirector;
import org.junit.jupiter.api.Test;

/** {@code recreate}, {@code stop}, {@code start}, {@code restart} send exactly what the bosh CLI v7 sends. */
class InstanceStateCommandsIT extends FakeDirectorCase {
  @Test
  void recreateOfAGroupSendsEveryFlagWithKeysSortedAsGoSortsThem() {
    director.taskFor("PUT", "/deployments/demo/jobs/web", "create deployment").step(1795000000, "Updating instance", "web/6a3f (0)", "finished", null);

    CliRun.Result result = cli.run("-d", "demo", "-n", "recreate", "web", "--skip-drain", "--fix", "--canaries", "2", "--max-in-flight", "50%", "--dry-run");

    assertThat(result.exitCode()).as(result.err()).isZero();
    FakeDirector.Recorded put = director.requests("PUT", "/deployments/demo/jobs/web").getFirst();
    assertThat(put.uri()).isEqualTo("/deployments/demo/jobs/web?canaries=2&dry_run=true&fix=true&max_in_flight=50%25&skip_drain=true&state=recreate");
    assertThat(put.header("content-type")).isEqualTo("text/yaml");
    assertThat(put.body()).isEmpty();
    assertThat(result.out()).contains("Updating instance: web/6a3f (0)").contains("Succeeded");
  }

  @Test
  void hardStopOfOneInstanceAsksForDetached() {
    director.taskFor("PUT", "/deployments/demo/jobs/web/0", "create deployment");

    CliRun.Result result = cli.run("-d", "demo", "-n", "stop", "web/0", "--hard");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(director.requests("PUT", "/deployments/demo/jobs/").getFirst().uri()).isEqualTo("/deployments/demo/jobs/web/0?state=detached");
  }

  @Test
  void softStopIsTheDefault() {
    director.taskFor("PUT", "/deployments/demo/jobs/counter", "create deployment");

    CliRun.Result result = cli.run("-d", "demo", "-n", "stop", "counter", "--skip-drain");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(director.requests("PUT", "/deployments/demo/jobs/").getFirst().uri()).isEqualTo("/deployments/demo/jobs/counter?skip_drain=true&state=stopped");
  }

  @Test
  void startWithoutAnInstanceGroupMeansEveryInstance() {
    director.taskFor("PUT", "/deployments/demo/jobs/*", "create deployment");

    CliRun.Result result = cli.run("-d", "demo", "-n", "start", "--max-in-flight", "3");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(director.requests("PUT", "/deployments/demo/jobs/").getFirst().uri()).isEqualTo("/deployments/demo/jobs/*?max_in_flight=3&state=started");
  }

  @Test
  void restartAsksFirstAndSendsNothingWhenDeclined() {
    director.taskFor("PUT", "/deployments/demo/jobs/web/6a3f", "create deployment");

    CliRun.Result result = cli.stdin("n\n").run("-d", "demo", "restart", "web/6a3f");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.out()).contains("Continue? [yN]: ");
    assertThat(director.requests("PUT", "/deployments/demo/jobs/")).isEmpty();
  }

  @Test
  void restartConfirmedSendsRestart() {
    director.taskFor("PUT", "/deployments/demo/jobs/web/6a3f", "create deployment");

    CliRun.Result result = cli.stdin("y\n").run("-d", "demo", "restart", "web/6a3f");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(director.requests("PUT", "/deployments/demo/jobs/").getFirst().uri()).isEqualTo("/deployments/demo/jobs/web/6a3f?state=restart");
  }

  @Test
  void aFailedTaskFailsTheCommand() {
    director.taskFor("PUT", "/deployments/demo/jobs/web", "create deployment").endsAs("error");

    CliRun.Result result = cli.run("-d", "demo", "-n", "recreate", "web");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err()).contains("Recreating instances").containsPattern("Expected task .\\d+. to succeed but state is .error.");
  }

  @Test
  void aMalformedSelectorIsNamedBeforeAnyRequest() {
    CliRun.Result result = cli.run("-d", "demo", "-n", "stop", "web/0/1");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err()).contains("Expected pool or instance 'web/0/1' to be in format 'name' or 'name/id-or-index'");
    assertThat(director.requests("PUT", "/deployments/")).isEmpty();
  }

  @Test
  void recreateWithoutConvergingPostsTheActionOfThatInstanceWithFixAsIgnoreUnresponsiveAgent() {
    director.taskFor("POST", "/deployments/demo/instance_groups/web/6a3f/actions/recreate", "recreate instance")
        .step(1795000000, "Updating instance web/6a3f (0)", "Deleting VM", "finished", null);

    CliRun.Result result = cli.run("-d", "demo", "-n", "recreate", "web/6a3f", "--no-converge", "--fix", "--skip-drain");

    assertThat(result.exitCode()).as(result.err()).isZero();
    FakeDirector.Recorded post = director.requests("POST", "/deployments/demo/instance_groups/").getFirst();
    assertThat(post.uri()).isEqualTo("/deployments/demo/instance_groups/web/6a3f/actions/recreate?ignore_unresponsive_agent=true&skip_drain=true");
    assertThat(post.body()).isEmpty();
    assertThat(director.requests("PUT", "/deployments/")).isEmpty();
    assertThat(result.out()).contains("Updating instance web/6a3f (0): Deleting VM").contains("Succeeded");
  }

  @Test
  void stopStartAndRestartWithoutConvergingPostTheirActions() {
    director.taskFor("POST", "/deployments/demo/instance_groups/web/0/actions/stop", "stop instance");
    director.taskFor("POST", "/deployments/demo/instance_groups/web/0/actions/start", "start instance");
    director.taskFor("POST", "/deployments/demo/instance_groups/web/0/actions/restart", "restart instance");

    assertThat(cli.run("-d", "demo", "-n", "stop", "web/0", "--no-converge", "--hard", "--skip-drain").exitCode()).isZero();
    assertThat(cli.run("-d", "demo", "-n", "start", "web/0", "--no-converge").exitCode()).isZero();
    assertThat(cli.run("-d", "demo", "-n", "restart", "web/0", "--no-converge").exitCode()).isZero();

    assertThat(director.requests("POST", "/deployments/demo/instance_groups/")).extracting(FakeDirector.Recorded::uri).containsExactly(
        "/deployments/demo/instance_groups/web/0/actions/stop?hard=true&skip_drain=true",
        "/deployments/demo/instance_groups/web/0/actions/start",
        "/deployments/demo/instance_groups/web/0/actions/restart");
  }

  @Test
  void noConvergeRefusesWhatItCannotDoInTheBoshClisWordsBeforeAnyRequest() {
    assertThat(cli.run("-d", "demo", "-n", "stop", "web", "--no-converge").err()).contains(
        "You are trying to run stop with --no-converge on an entire instance group. This operation is not allowed. "
            + "Trying using the --converge flag or running it against a specific instance.");
    assertThat(cli.run("-d", "demo", "-n", "start", "--no-converge").err()).contains("You are trying to run start with --no-converge on an entire instance group.");
    assertThat(cli.run("-d", "demo", "-n", "restart", "web/0", "--no-converge", "--converge").err()).contains("Can't set converge and no-converge");
    assertThat(cli.run("-d", "demo", "-n", "restart", "web/0", "--no-converge", "--canaries", "1").err()).contains("Can't set canaries and no-converge");
    assertThat(cli.run("-d", "demo", "-n", "stop", "web/0", "--no-converge", "--max-in-flight", "2").err()).contains("Can't set max-in-flight and no-converge");
    assertThat(cli.run("-d", "demo", "-n", "recreate", "web/0", "--no-converge", "--dry-run").err()).contains("Can't set dry-run and no-converge");
    assertThat(director.requests("POST", "/deployments/")).isEmpty();
    assertThat(director.requests("PUT", "/deployments/")).isEmpty();
  }

  @Test
  void convergeIsTheDefaultAndMayBeSaid() {
    director.taskFor("PUT", "/deployments/demo/jobs/web/0", "create deployment");

    CliRun.Result result = cli.run("-d", "demo", "-n", "recreate", "web/0", "--converge");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(director.requests("PUT", "/deployments/demo/jobs/").getFirst().uri()).isEqualTo("/deployments/demo/jobs/web/0?state=recreate");
  }
}
