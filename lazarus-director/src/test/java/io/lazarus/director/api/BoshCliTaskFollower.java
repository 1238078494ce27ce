package io.lazarus.director.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lazarus.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What bosh CLI v7 does after a task-creating call ({@code director/client_request.go},
 * {@code task_client_request.go}): follow the 302 with a GET of the Location's path, then alternate
 * {@code GET /tasks/N} and {@code GET /tasks/N/output?type=event} with {@code Range: bytes=<offset>-} (a 416 is
 * "nothing new") until the state is final, then read the result output.
 */
final class BoshCliTaskFollower {
  private static final Set<String> RUNNING = Set.of("queued", "processing", "cancelling");
  private static final Set<Integer> ACCEPTED = Set.of(200, 201, 204, 206, 302);

  private final BoshCliTransport cli;

  BoshCliTaskFollower(BoshCliTransport cli) {
    this.cli = cli;
  }

  /** A finished task: its JSON, the event lines as the CLI received them, and its result output. */
  record Outcome(Map<String, Object> task, List<Map<String, Object>> events, String result) {}

  Outcome follow(BoshCliTransport.Response redirect) {
    assertThat(redirect.status()).as("task-creating call; body: %s", redirect.text()).isEqualTo(302);
    String location = redirect.header("Location");
    assertThat(location).matches("(https://[^/]+)?/tasks/\\d+");
    BoshCliTransport.Response first = cli.get(location.replaceFirst("^https://[^/]+", ""));
    assertThat(first.status()).isEqualTo(200);
    Map<String, Object> task = first.object();
    assertThat(task.get("id")).isInstanceOf(Integer.class);
    return follow(((Number) task.get("id")).longValue());
  }

  Outcome follow(long id) {
    ByteArrayOutputStream events = new ByteArrayOutputStream();
    Map<String, Object> task = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
      BoshCliTransport.Response state = cli.get("/tasks/" + id);
      assertThat(state.status()).isEqualTo(200);
      BoshCliTransport.Response output = cli.send(
          "GET", "/tasks/" + id + "/output?type=event", Map.of("Range", "bytes=" + events.size() + "-"), null);
      assertThat(output.status()).as("event output: %s", output.text()).isIn(200, 204, 206, 416);
      if (output.status() == 206 || output.status() == 200) {
        events.write(output.body());
      }
      return state.object();
    }, current -> !RUNNING.contains(current.get("state")));
    BoshCliTransport.Response result = cli.get("/tasks/" + id + "/output?type=result");
    assertThat(result.status()).isIn(ACCEPTED.toArray(Integer[]::new));
    List<Map<String, Object>> lines = Arrays.stream(events.toString(StandardCharsets.UTF_8).split("\n"))
        .filter(line -> !line.isBlank())
        .map(BoshCliTaskFollower::object)
        .toList();
    return new Outcome(task, lines, result.text());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(String line) {
    return (Map<String, Object>) Json.read(line, Map.class);
  }
}
