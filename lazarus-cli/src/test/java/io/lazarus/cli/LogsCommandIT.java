package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.cli.fake.FakeDirector;
import io.lazarus.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code logs}: bundles download as the bosh CLI v7 asks for and names them; {@code --num} and {@code --follow} print
 * what the Director's {@code logs/tail} answers as the bosh CLI prints tail over ssh.
 */
class LogsCommandIT extends FakeDirectorCase {
  private static final String VMS = """
      [{"agent_id":"a1","cid":"vm-1","job":"web","index":0,"id":"6a3f"},{"agent_id":"a2","cid":"vm-2","job":"db","index":0,"id":"9c1d"}]""";
  private static final String WEB_TAIL = "/deployments/demo/instance_groups/web/6a3f/logs/tail";

  @Test
  void oneInstancesBundleIsSavedAsDeploymentGroupIdTime() throws Exception {
    String blob = "0b6f1c2e-5a4d-4c3b-9e8f-7a6b5c4d3e2f";
    director.taskFor("GET", "/deployments/demo/jobs/web/0/logs", "fetch logs").result(blob);
    director.answer("GET", "/resources/" + blob, 200, "bundle-bytes");
    Path dir = Files.createDirectories(home.resolve("logs"));

    CliRun.Result result = cli.run("-d", "demo", "logs", "web/0", "--dir", dir.toString(), "--only", "web/*.log", "--only", "x");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(director.requests("GET", "/deployments/demo/jobs/web/0/logs").getFirst().uri()).isEqualTo("/deployments/demo/jobs/web/0/logs?filters=web%2F%2A.log%2Cx&type=job");
    Path saved = dir.resolve("demo.web.0-20261122-100000.tgz");
    assertThat(saved).hasContent("bundle-bytes");
    assertThat(result.out()).contains("Downloading resource '" + blob + "' to '" + saved + "'...");
  }

  @Test
  void agentLogsAskForTheAgentType() {
    String blob = "0b6f1c2e-5a4d-4c3b-9e8f-7a6b5c4d3e30";
    director.taskFor("GET", "/deployments/demo/jobs/web/6a3f/logs", "fetch logs").result(blob);
    director.answer("GET", "/resources/" + blob, 200, "agent-bundle");

    CliRun.Result result = cli.run("-d", "demo", "logs", "web/6a3f", "--agent", "--dir", home.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(director.requests("GET", "/deployments/demo/jobs/web/6a3f/logs").getFirst().uri()).isEqualTo("/deployments/demo/jobs/web/6a3f/logs?type=agent");
  }

  @Test
  void withoutAnInstanceEveryInstanceIsAskedForAndTheBundleIsNamedAfterTheDeployment() {
    String blob = "0b6f1c2e-5a4d-4c3b-9e8f-7a6b5c4d3e31";
    director.taskFor("GET", "/deployments/demo/jobs/*/*/logs", "fetch logs").result(blob);
    director.taskFor("GET", "/deployments/demo/jobs/web/*/logs", "fetch logs").result(blob);
    director.answer("GET", "/resources/" + blob, 200, "all-bundles");

    CliRun.Result all = cli.run("-d", "demo", "logs", "--dir", home.toString());
    CliRun.Result group = cli.run("-d", "demo", "logs", "web", "--dir", home.toString());

    assertThat(all.exitCode()).as(all.err()).isZero();
    assertThat(group.exitCode()).as(group.err()).isZero();
    assertThat(director.requests("GET", "/deployments/demo/jobs/")).extracting(FakeDirector.Recorded::uri)
        .containsExactly("/deployments/demo/jobs/*/*/logs?type=job", "/deployments/demo/jobs/web/*/logs?type=job");
    assertThat(home.resolve("demo-20261122-100000.tgz")).hasContent("all-bundles");
    assertThat(home.resolve("demo.web-20261122-100000.tgz")).hasContent("all-bundles");
  }

  @Test
  void numPrintsTheLastLinesOfEachInstanceWithTailsHeadersAndEnds() {
    director.answer("GET", "/deployments/demo/vms", 200, VMS);
    director.answer("POST", WEB_TAIL, 200, answer(file("web/web.stdout.log", 0, "listening\nserved /\n", null), file("web/web.stderr.log", 0, "warn\n", null)));
    director.answer("POST", "/deployments/demo/instance_groups/db/9c1d/logs/tail", 200, answer(file("db/db.log", 0, "ready\n", null)));

    CliRun.Result result = cli.run("-d", "demo", "logs", "--num", "2");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("""
        web/6a3f: stdout | ==> /var/vcap/sys/log/web/web.stdout.log <==
        web/6a3f: stdout | listening
        web/6a3f: stdout | served /
        web/6a3f: stdout | \n\
        web/6a3f: stdout | ==> /var/vcap/sys/log/web/web.stderr.log <==
        web/6a3f: stdout | warn
        db/9c1d: stdout | ready
        """);
    assertThat(body(director.requests("POST", WEB_TAIL).getFirst())).isEqualTo(Map.of("log_type", "job", "filters", List.of(), "lines", 2));
    assertThat(cli.sleeps()).isEmpty();
  }

  @Test
  void followSendsBackThePositionsPrintsWholeLinesAndNotesAResetUntilInterrupted() {
    director.answer("GET", "/deployments/demo/vms", 200, VMS);
    director.answer("POST", WEB_TAIL, 200, answer(file("web/web.stdout.log", 11, "first\nhalf a ", null)));
    cli.onSleep(count -> {
      switch (count) {
        case 1 -> director.answer("POST", WEB_TAIL, 200, answer(file("web/web.stdout.log", 40, "line\n", null)));
        case 2 -> director.answer("POST", WEB_TAIL, 200, answer(file("web/web.stdout.log", 6, "again\n", "truncated")));
        default -> throw new InterruptedException();
      }
    });

    CliRun.Result result = cli.run("-d", "demo", "logs", "web/0", "-f", "--job", "web", "--quiet");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("""
        web/6a3f: stdout | first
        web/6a3f: stdout | half a line
        web/6a3f: stderr | tail: /var/vcap/sys/log/web/web.stdout.log: file truncated
        web/6a3f: stdout | again
        """);
    List<FakeDirector.Recorded> polls = director.requests("POST", WEB_TAIL);
    assertThat(polls).hasSize(3);
    assertThat(body(polls.get(0))).isEqualTo(Map.of("log_type", "job", "filters", List.of("web/*.log"), "lines", 10));
    assertThat(body(polls.get(1))).containsEntry("positions", Map.of("web/web.stdout.log", Map.of("offset", 11, "file_id", "f1")));
    assertThat(body(polls.get(2))).containsEntry("positions", Map.of("web/web.stdout.log", Map.of("offset", 40, "file_id", "f1")));
    assertThat(director.requests("POST", "/deployments/demo/instance_groups/db/")).as("only the named instance").isEmpty();
  }

  @Test
  void followSaysOnceWhatAnInstanceFailsWithAndKeepsAsking() {
    director.answer("GET", "/deployments/demo/vms", 200, VMS);
    director.answer("POST", WEB_TAIL, 404, "{\"code\":70001,\"description\":\"'web/6a3f (0)' doesn't reference a VM\"}");
    cli.onSleep(count -> {
      if (count == 3) {
        throw new InterruptedException();
      }
    });

    CliRun.Result result = cli.run("-d", "demo", "logs", "web", "--follow");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err().lines().filter(line -> line.contains("doesn't reference a VM"))).singleElement().asString().startsWith("web/6a3f: Director responded with non-successful status code '404'");
    assertThat(director.requests("POST", WEB_TAIL)).hasSize(3);
  }

  @Test
  void anInstanceWithoutAVmIsRefusedBeforeAnyTail() {
    director.answer("GET", "/deployments/demo/vms", 200, VMS);

    CliRun.Result result = cli.run("-d", "demo", "logs", "web/7", "-f");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err()).contains("No appropriate instance with a VM was found in deployment 'demo'");
    assertThat(director.requests("POST", "/deployments/")).isEmpty();
  }

  private static String answer(String... files) {
    return "{\"instance\":\"web/6a3f\",\"files\":[" + String.join(",", files) + "],\"more\":false}";
  }

  private static String file(String path, long nextOffset, String data, String reset) {
    return Json.write(new java.util.LinkedHashMap<>(Map.of("path", path, "file_id", "f1", "offset", 0, "next_offset", nextOffset, "size", nextOffset, "data", data)))
        .replaceFirst("}$", ",\"reset\":" + (reset == null ? "null" : "\"" + reset + "\"") + "}");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(FakeDirector.Recorded request) {
    return Json.read(request.bodyText(), Map.class);
  }
}
