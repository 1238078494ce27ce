package io.lazarus.agent.rpc.methods;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.agent.AgentPaths;
import io.lazarus.agent.logs.LogBundler;
import io.lazarus.agent.logs.LogTail;
import io.lazarus.agent.rpc.AgentTasks;
import io.lazarus.agent.rpc.Dispatcher;
import io.lazarus.agent.rpc.MethodRegistry;
import io.lazarus.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** tail_logs as the Director calls it: one object argument in, the files and {@code more} out, bad input named. */
class TailLogsMethodTest {
  @TempDir
  Path root;

  private final AgentTasks tasks = new AgentTasks();
  private Dispatcher dispatcher;

  @BeforeEach
  void agent() throws IOException {
    AgentPaths paths = new AgentPaths(root);
    Files.createDirectories(paths.sysLog().resolve("web"));
    Files.writeString(paths.sysLog().resolve("web/web.stdout.log"), "one\ntwo\n");
    MethodRegistry registry = new MethodRegistry();
    new LogMethods(new LogBundler(paths, null), new LogTail(paths)).register(registry);
    dispatcher = new Dispatcher(registry, tasks);
  }

  @AfterEach
  void close() {
    tasks.close();
  }

  @Test
  void answersWithEveryFileItsPositionAndNewData() {
    JsonNode value = call("{\"log_type\":\"job\",\"lines\":1}").path("value");

    assertThat(value.path("more").asBoolean()).isFalse();
    JsonNode file = value.path("files").get(0);
    assertThat(file.path("path").asString()).isEqualTo("web/web.stdout.log");
    assertThat(file.path("data").asString()).isEqualTo("two\n");
    assertThat(file.path("offset").asLong()).isEqualTo(4);
    assertThat(file.path("next_offset").asLong()).isEqualTo(8);
    assertThat(file.path("size").asLong()).isEqualTo(8);
    assertThat(file.path("file_id").asString()).isNotEmpty();
    assertThat(file.path("reset").isNull()).isTrue();

    JsonNode again = call("{\"positions\":{\"web/web.stdout.log\":{\"offset\":0,\"file_id\":\"another\"}}}").path("value").path("files").get(0);

    assertThat(again.path("reset").asString()).isEqualTo("replaced");
    assertThat(again.path("data").asString()).isEqualTo("one\ntwo\n");
  }

  @Test
  void badArgumentsAreNamed() {
    assertThat(error("\"job\"")).isEqualTo("tail_logs: argument 1 (tail request) must be an object");
    assertThat(error("{\"lines\":-1}")).isEqualTo("tail_logs: argument 1 (lines) must be a whole number of at least 0");
    assertThat(error("{\"filters\":\"*.log\"}")).isEqualTo("tail_logs: argument 1 (filters) must be a list of glob patterns");
    assertThat(error("{\"positions\":{\"a.log\":{\"offset\":\"x\"}}}"))
        .isEqualTo("tail_logs: argument 1 (positions) entry 'a.log' must be {offset: a whole number of at least 0, file_id: a string}");
  }

  private String error(String argument) {
    return call(argument).path("exception").path("message").asString();
  }

  private JsonNode call(String argument) {
    return Json.mapper().readTree(dispatcher.handle("{\"protocol\":3,\"method\":\"tail_logs\",\"arguments\":[" + argument + "],\"reply_to\":\"d\"}"));
  }
}
