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
  void updateSettingsIsPersisted() throws Exception {
    JsonNode done = agent.runTask("update_settings", java.util.Map.of("trusted_certs", "PEM"));

    assertThat(done.path("value").asString()).isEqualTo("ok");
    assertThat(java.nio.file.Files.readString(agent.paths.updateSettingsFile())).contains("\"trusted_certs\":\"PEM\"");
  }

  @Test
  void uploadBlobStoresAVerifiedPayloadInTheBlobstore() throws Exception {
    byte[] payload = "inline bits".getBytes();
    String sha1 = io.lazarus.agent.testing.FakeDavBlobstore.sha1(payload);
    java.util.Map<String, String> blob = java.util.Map.of("blob_id", "inline-1", "checksum", sha1,
        "payload", java.util.Base64.getEncoder().encodeToString(payload));

    assertThat(agent.runTask("upload_blob", blob).path("value").asString()).isEqualTo("synced");
    assertThat(agent.blobstore.blob("inline-1")).isEqualTo(payload);

    java.util.Map<String, String> corrupt = java.util.Map.of("blob_id", "inline-2", "checksum", sha1, "payload", "YmFk");
    assertThat(agent.runTask("upload_blob", corrupt).path("exception").path("message").asString())
        .endsWith("upload_blob: payload of blob inline-2 does not match checksum " + sha1);
  }

  @Test
  void drainRejectsStatusAsThisAgentWaitsOutDynamicDrainItself() throws Exception {
    assertThat(agent.runTask("drain", "status").path("exception").path("message").asString())
        .contains("drain: 'status' is not supported");
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
