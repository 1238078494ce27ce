package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.cli.fake.FakeDirector.Recorded;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskFollowingIT extends FakeDirectorCase {
  private static final long T0 = 1_795_000_000L;

  @Test
  void followsARedirectedTaskAndPrintsItsEventsLikeTheBoshCli() throws Exception {
    director.taskFor("DELETE", "/deployments/dep", "delete deployment dep")
        .step(T0, "Deleting instances", "web/0", "started", null)
        .step(T0 + 2, "Deleting instances", "web/0", "finished", null)
        .step(T0 + 3, "Deleting properties", "Destroying deployment", "started", null)
        .step(T0 + 5, "Deleting properties", "Destroying deployment", "finished", null);

    CliRun.Result result = cli.run("delete-deployment", "-d", "dep", "-n");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("""
        Using environment '%s' as client 'admin'
        Using deployment 'dep'
        Task 12

        Task 12 | 11:06:40 | Deleting instances: web/0 (00:00:02)
        Task 12 | 11:06:43 | Deleting properties: Destroying deployment (00:00:02)

        Task 12 Started  Wed Nov 18 11:06:40 UTC 2026
        Task 12 Finished Wed Nov 18 11:06:45 UTC 2026
        Task 12 Duration 00:00:05
        Task 12 done

        Succeeded
        """.formatted(director.url()));
    assertThat(cli.sleeps()).isNotEmpty().containsOnly(Duration.ofMillis(500));
  }

  @Test
  void readsOnlyNewOutputWithRangeRequests() throws Exception {
    director.taskFor("DELETE", "/deployments/dep", "delete deployment dep")
        .step(T0, "Deleting instances", "web/0", "started", null)
        .step(T0 + 2, "Deleting instances", "web/0", "finished", null)
        .step(T0 + 3, "Deleting properties", "Destroying deployment", "started", null)
        .step(T0 + 5, "Deleting properties", "Destroying deployment", "finished", null);

    DirectorFixture.loggedIn(home, director).run("delete-deployment", "-d", "dep", "-n");

    List<Recorded> reads = director.requests("GET", "/tasks/12/output");
    assertThat(reads).extracting(Recorded::uri).containsOnly("/tasks/12/output?type=event");
    assertThat(reads.get(0).header("Range")).isNull();
    assertThat(reads.get(1).header("Range")).matches("bytes=\\d+-");
  }

  @Test
  void aFailedTaskShowsItsErrorsAndExitsWithOne() throws Exception {
    director.taskFor("DELETE", "/deployments/dep", "delete deployment dep")
        .step(T0, "Deleting instances", "web/0", "started", null)
        .step(T0 + 1, "Deleting instances", "web/0", "failed", "boom")
        .event("{\"time\":" + (T0 + 2) + ",\"error\":{\"code\":100,\"message\":\"Task failed\"}}")
        .endsAs("error");

    CliRun.Result result = DirectorFixture.loggedIn(home, director).run("delete-deployment", "-d", "dep", "-n");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).endsWith("""
        Task 12

        Task 12 | 11:06:40 | Deleting instances: web/0 (00:00:01)
                           L Error: boom

        Task 12 | 11:06:42 | Error: Task failed

        Task 12 Started  Wed Nov 18 11:06:40 UTC 2026
        Task 12 Finished Wed Nov 18 11:06:42 UTC 2026
        Task 12 Duration 00:00:02
        Task 12 error

        Exit code 1
        """);
    assertThat(result.err()).isEqualTo("""
        Deleting deployment 'dep':
          Expected task '12' to succeed but state is 'error'
        """);
  }

  @Test
  void taskWithAnOutputFlagStreamsThatLogRaw() throws Exception {
    long id = director.existingTask("create deployment").output("debug", "D, line one\nD, line two\n").id();

    CliRun.Result result = DirectorFixture.loggedIn(home, director).run("task", String.valueOf(id), "--debug");

    assertThat(result.out()).endsWith("""
        Task 12

        D, line one
        D, line two

        Task 12 done

        Succeeded
        """);
  }

  @Test
  void withoutConfirmationNothingIsDeleted() throws Exception {
    director.taskFor("DELETE", "/deployments/dep", "delete deployment dep");

    CliRun.Result result = DirectorFixture.loggedIn(home, director).stdin("no\n").run("delete-deployment", "-d", "dep");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).contains("Continue? [yN]: ");
    assertThat(result.err()).isEqualTo("Stopped\n");
    assertThat(director.requests("DELETE", "/deployments")).isEmpty();
  }
}
