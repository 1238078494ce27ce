package io.lazarus.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.agent.testing.AgentFixture;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class AgentRpcIT {
  @TempDir Path tempDir;
  AgentFixture agent;

  @BeforeEach
  void start() throws Exception {
    agent = new AgentFixture(tempDir, 30).start();
  }

  @AfterEach
  void stop() {
    agent.close();
  }

  @Test
  void answersPingAndInfoOverHttpsWithBasicAuth() throws Exception {
    assertThat(agent.call("ping").asString()).isEqualTo("pong");
    assertThat(agent.call("info").path("api_version").asInt()).isEqualTo(1);
  }

  @Test
  void refusesAWrongPasswordWith401() throws Exception {
    HttpResponse<String> response = agent.post("{\"protocol\":3,\"method\":\"ping\",\"arguments\":[]}", "wrong");
    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void repliesWithBoshExceptionsForUnknownMethodsAndMalformedEnvelopes() throws Exception {
    assertThat(agent.send("frobnicate").path("exception").path("message").asString()).isEqualTo("unknown message frobnicate");
    String malformed = agent.post("{\"protocol\":3,\"arguments\":[]}", AgentFixture.MBUS_PASSWORD).body();
    assertThat(malformed).contains("'method' is missing");
  }

  @Test
  void getStateReportsAgentIdVmAndJobStateBeforeAnyApply() throws Exception {
    JsonNode state = agent.call("get_state", "full");
    assertThat(state.path("agent_id").asString()).isEqualTo(AgentFixture.AGENT_ID);
    assertThat(state.path("vm").path("name").asString()).isEqualTo("vm-7d1e");
    assertThat(state.path("job_state").asString()).isEqualTo("unknown");
    assertThat(state.path("vitals").path("load").size()).isEqualTo(3);
  }

  @Test
  void servesItsOwnBlobStore() throws Exception {
    var put = agent.client().send(HttpRequest.newBuilder(URI.create(agent.baseUrl() + "/blobs/blob-1"))
        .header("Authorization", AgentFixture.basic(AgentFixture.MBUS_USER, AgentFixture.MBUS_PASSWORD))
        .PUT(HttpRequest.BodyPublishers.ofString("compiled bits")).build(), HttpResponse.BodyHandlers.ofString());
    var get = agent.client().send(HttpRequest.newBuilder(URI.create(agent.baseUrl() + "/blobs/blob-1"))
        .header("Authorization", AgentFixture.basic(AgentFixture.MBUS_USER, AgentFixture.MBUS_PASSWORD))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).isEqualTo(201);
    assertThat(get.body()).isEqualTo("compiled bits");
  }
}
