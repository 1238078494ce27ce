package io.lazarus.cpi.dummy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lazarus.core.json.Json;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The simulated agent's dispatch, envelope in and reply out, without the network. */
class SimulatedAgentTest {
  private static final Map<String, Object> SPEC = Map.of(
      "deployment", "demo",
      "name", "web",
      "index", 0,
      "job", Map.of("name", "web", "templates", List.of(Map.of("name", "web"), Map.of("name", "sidecar"))));

  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final SimulatedAgent agent = new SimulatedAgent("agent-1", "vm-1", Map.of(),
      new MbusServer(new InetSocketAddress("127.0.0.1", 0), defaultTls(), "mbus", "secret", executor),
      new SimulatedAgent.Runtime(executor, ca -> {
        throw new AssertionError("no blobstore in this test");
      }));

  @AfterEach
  void stop() {
    agent.stop();
    executor.shutdownNow();
  }

  @Test
  void answersPingAndInfoSynchronously() {
    assertThat(call("ping").path("value").asString()).isEqualTo("pong");
    assertThat(call("info").path("value").path("api_version").asInt()).isEqualTo(1);
  }

  @Test
  void refusesUnknownMethodsAndMalformedEnvelopes() {
    assertThat(call("frobnicate").path("exception").path("message").asString()).isEqualTo("unknown message frobnicate");
    assertThat(reply("{\"protocol\":3}").path("exception").path("message").asString()).isEqualTo("malformed message: 'method' is missing or not a string");
    assertThat(reply("not json").path("exception").path("message").asString()).startsWith("malformed message: not valid JSON");
  }

  @Test
  void appliesThenReportsTheSpecAndTheJobsStateThroughStartAndStop() {
    assertThat(task("apply", SPEC).asString()).isEqualTo("applied");
    JsonNode applied = call("get_state").path("value");
    assertThat(applied.path("deployment").asString()).isEqualTo("demo");
    assertThat(applied.path("agent_id").asString()).isEqualTo("agent-1");
    assertThat(applied.path("vm").path("name").asString()).isEqualTo("vm-1");
    assertThat(applied.path("job_state").asString()).isEqualTo("stopped");

    assertThat(call("start").path("value").asString()).isEqualTo("started");
    JsonNode started = call("get_state", "full").path("value");
    assertThat(started.path("job_state").asString()).isEqualTo("running");
    assertThat(started.path("processes").findValuesAsString("name")).containsExactly("web", "sidecar");
    assertThat(started.path("processes").findValuesAsString("state")).containsOnly("running");
    assertThat(started.has("vitals")).isTrue();

    assertThat(task("stop").asString()).isEqualTo("stopped");
    assertThat(call("get_state").path("value").path("job_state").asString()).isEqualTo("stopped");
  }

  @Test
  void aVmWithoutJobsHasAnUnknownJobState() {
    assertThat(call("get_state").path("value").path("job_state").asString()).isEqualTo("unknown");
    assertThat(call("get_state").path("value").has("vitals")).isFalse();
  }

  @Test
  void drainsAndRunsScriptsWithoutWaiting() {
    assertThat(task("drain", "update", SPEC).asInt()).isZero();
    assertThat(task("drain", "shutdown").asInt()).isZero();
    assertThat(task("run_script", "pre-start", Map.of()).isObject()).isTrue();
    assertThat(taskFailure("drain", "status")).endsWith("result: drain: 'status' is not supported; this agent waits out dynamic drain itself");
  }

  @Test
  void mountsOnlyDisksItsSettingsName() {
    assertThat(taskFailure("mount_disk", "disk-1")).contains("disk disk-1 is not in this agent's settings");

    agent.setPersistentDisk("disk-1", Map.of("path", "/dev/dummy/disk-1"));
    task("mount_disk", "disk-1");

    assertThat(task("list_disk").toString()).isEqualTo("[\"disk-1\"]");
    assertThat(agent.mountedDisks()).containsExactly("disk-1");
    assertThat(task("unmount_disk", "disk-1").path("message").asString()).isEqualTo("Unmounted partition of disk-1");
    assertThat(agent.mountedDisks()).isEmpty();
  }

  @Test
  void aRebootMountsTheDisksItsSettingsNameAndADiskLeavingThemIsNoLongerMounted() throws Exception {
    agent.setPersistentDisk("disk-1", Map.of("path", "/dev/dummy/disk-1"));
    assertThat(agent.mountedDisks()).isEmpty();

    agent.reboot();

    assertThat(agent.answering()).isTrue();
    assertThat(agent.mountedDisks()).containsExactly("disk-1");
    agent.setPersistentDisk("disk-1", null);
    assertThat(agent.mountedDisks()).isEmpty();
    assertThat(task("list_disk").toString()).isEqualTo("[]");
  }

  @Test
  void anInjectedFailureFailsTheNextCallOnly() {
    agent.failNext("apply", "disk full");
    agent.failNext("ping", "too busy");

    assertThat(taskFailure("apply", SPEC)).matches("Task [0-9a-f-]+ result: disk full");
    assertThat(call("ping").path("exception").path("message").asString()).isEqualTo("too busy");
    assertThat(task("apply", SPEC).asString()).isEqualTo("applied");
    assertThat(call("ping").path("value").asString()).isEqualTo("pong");
  }

  @Test
  void getTaskOfAnUnknownIdSaysSo() {
    assertThat(call("get_task", "nope").path("exception").path("message").asString()).isEqualTo("Task with id nope could not be found");
  }

  private JsonNode call(String method, Object... arguments) {
    return reply(Json.write(Map.of("protocol", 3, "method", method, "arguments", List.of(arguments), "reply_to", "director")));
  }

  private JsonNode reply(String body) {
    return Json.mapper().readTree(agent.handle(body));
  }

  /** Calls an async method and polls get_task until it ends; returns the reply of the last get_task. */
  private JsonNode finished(String method, Object... arguments) {
    JsonNode started = call(method, arguments).path("value");
    assertThat(started.path("state").asString()).isEqualTo("running");
    String id = started.path("agent_task_id").asString();
    JsonNode[] last = new JsonNode[1];
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> {
      last[0] = call("get_task", id);
      return !"running".equals(last[0].path("value").path("state").asString(""));
    });
    return last[0];
  }

  private JsonNode task(String method, Object... arguments) {
    JsonNode reply = finished(method, arguments);
    assertThat(reply.has("exception")).as(reply.toString()).isFalse();
    return reply.path("value");
  }

  private String taskFailure(String method, Object... arguments) {
    return finished(method, arguments).path("exception").path("message").asString();
  }

  private static SSLContext defaultTls() {
    try {
      return SSLContext.getDefault();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
