package io.lazarus.director.blobstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.director.testing.ApiClient;
import io.lazarus.director.testing.TestDirector;
import io.lazarus.testing.DatabaseKind;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agents read and write the Director's blobstore with their own credential, DAV-style. */
class AgentBlobsIT {
  @TempDir
  static Path dir;

  private static TestDirector director;
  private static ApiClient agent;

  @BeforeAll
  static void start() throws Exception {
    director = TestDirector.start(DatabaseKind.H2, dir);
    AgentBlobCredentials credentials = director.services().agentBlobCredentials();
    agent = director.client().basic(credentials.user(), credentials.password());
  }

  @AfterAll
  static void stop() {
    director.close();
  }

  @Test
  void anAgentWritesABlobAndReadsItBack() {
    String id = UUID.randomUUID().toString();

    HttpResponse<String> put = agent.put("/agent-blobs/" + id, "application/octet-stream", "compiled package bytes");
    HttpResponse<String> get = agent.get("/agent-blobs/" + id);

    assertThat(put.statusCode()).isEqualTo(201);
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).isEqualTo("compiled package bytes");
  }

  @Test
  void anExistingBlobIsNeverReplaced() throws Exception {
    String id = director.services().blobstore().put(Files.writeString(dir.resolve("release-package"), "release package"));

    HttpResponse<String> put = agent.put("/agent-blobs/" + id, "application/octet-stream", "something else");

    assertThat(put.statusCode()).isEqualTo(409);
    assertThat(agent.get("/agent-blobs/" + id).body()).isEqualTo("release package");
  }

  @Test
  void directorUsersAreNotAgents() {
    HttpResponse<String> get = director.admin().get("/agent-blobs/" + UUID.randomUUID());

    assertThat(get.statusCode()).isEqualTo(401);
  }

  @Test
  void aMissingBlobIs404AndABadIdIs400() {
    assertThat(agent.get("/agent-blobs/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    assertThat(agent.put("/agent-blobs/..%2Fetc", "application/octet-stream", "x").statusCode()).isIn(400, 404);
  }
}
