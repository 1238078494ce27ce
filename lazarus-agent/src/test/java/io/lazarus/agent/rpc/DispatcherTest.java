package io.lazarus.agent.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lazarus.core.json.Json;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DispatcherTest {
  final CountDownLatch release = new CountDownLatch(1);
  final AgentTasks tasks = new AgentTasks();
  final MethodRegistry registry = new MethodRegistry()
      .sync("echo", args -> args.requiredString(0, "text"))
      .sync("explode", args -> {
        throw new RpcException("explode: it blew up");
      })
      .async("slow", args -> {
        release.await();
        return "finished";
      })
      .async("doomed", args -> {
        release.await();
        throw new RpcException("disk full");
      });
  final Dispatcher dispatcher;

  DispatcherTest() {
    new io.lazarus.agent.rpc.methods.TaskMethods(tasks).register(registry);
    dispatcher = new Dispatcher(registry, tasks);
  }

  @AfterEach
  void close() {
    tasks.close();
  }

  JsonNode send(String envelope) {
    return Json.mapper().readTree(dispatcher.handle(envelope));
  }

  JsonNode call(String method, String... args) {
    StringBuilder arguments = new StringBuilder();
    for (String arg : args) {
      arguments.append(arguments.isEmpty() ? "" : ",").append('"').append(arg).append('"');
    }
    return send("{\"protocol\":3,\"method\":\"" + method + "\",\"arguments\":[" + arguments + "],\"reply_to\":\"d\"}");
  }

  @Test
  void syncMethodsReplyWithTheirValue() {
    assertThat(call("echo", "hi").path("value").asString()).isEqualTo("hi");
  }

  @Test
  void failuresBecomeExceptionReplies() {
    assertThat(call("explode").path("exception").path("message").asString()).isEqualTo("explode: it blew up");
    assertThat(call("echo").path("exception").path("message").asString()).isEqualTo("echo: argument 1 (text) is missing");
  }

  @Test
  void unknownMethodsAreBoshsUnknownMessage() {
    assertThat(call("nope").path("exception").path("message").asString()).isEqualTo("unknown message nope");
  }

  @Test
  void malformedEnvelopesAreRefusedNamingTheProblem() {
    assertThat(send("not json").path("exception").path("message").asString()).startsWith("malformed message: not valid JSON");
    assertThat(send("[1]").path("exception").path("message").asString()).contains("expected a JSON object");
    assertThat(send("{\"arguments\":[]}").path("exception").path("message").asString()).contains("'method' is missing");
    assertThat(send("{\"method\":\"echo\",\"arguments\":{}}").path("exception").path("message").asString())
        .isEqualTo("malformed message: 'arguments' of echo must be a list");
    assertThat(send("{\"protocol\":\"three\",\"method\":\"echo\"}").path("exception").path("message").asString())
        .contains("'protocol' must be an integer");
  }

  @Test
  void asyncMethodsRunAsTasksThatGetTaskFollowsToTheirResult() {
    JsonNode started = call("slow").path("value");
    String id = started.path("agent_task_id").asString();
    assertThat(started.path("state").asString()).isEqualTo("running");
    assertThat(call("get_task", id).path("value").path("state").asString()).isEqualTo("running");

    release.countDown();

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(call("get_task", id).path("value").asString()).isEqualTo("finished"));
  }

  @Test
  void aFailedTaskIsReportedAsTaskIdResultError() {
    String id = call("doomed").path("value").path("agent_task_id").asString();
    release.countDown();

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(call("get_task", id).path("exception").path("message").asString()).isEqualTo("Task " + id + " result: disk full"));
  }

  @Test
  void cancelTaskInterruptsARunningTask() {
    String id = call("slow").path("value").path("agent_task_id").asString();

    assertThat(call("cancel_task", id).path("value").asString()).isEqualTo("canceled");

    assertThat(call("get_task", id).path("exception").path("message").asString()).isEqualTo("Task " + id + " result: canceled");
    release.countDown();
    assertThat(call("get_task", id).path("exception").path("message").asString()).isEqualTo("Task " + id + " result: canceled");
  }

  @Test
  void getTaskOfAnUnknownIdSaysSo() {
    assertThat(call("get_task", "missing").path("exception").path("message").asString()).isEqualTo("Task with id missing could not be found");
  }
}
