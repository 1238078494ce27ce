package io.lazarus.cpi.dummy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lazarus.core.json.Json;
import io.lazarus.core.tls.TlsContexts;
import io.lazarus.cpi.CpiErrors;
import io.lazarus.cpi.CpiException;
import io.lazarus.cpi.CreatedVm;
import io.lazarus.cpi.Network;
import io.lazarus.cpi.VmSpec;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The dummy CPI's VMs over real HTTPS, as the Director reaches them: per-VM certificate, Basic auth, get_task. */
class DummyCpiIT {
  private static final String IP = "127.88.250.7";
  private static final String PASSWORD = "mbus-secret";

  @TempDir
  static Path dir;

  private static FakeDavBlobstore blobstore;
  private static TestCertificates vmCertificate;

  private final DummyCpi cpi = new DummyCpi();
  private String stemcell;

  @BeforeAll
  static void certificates() throws Exception {
    blobstore = new FakeDavBlobstore(dir);
    vmCertificate = TestCertificates.issue(IP, dir);
  }

  @AfterAll
  static void stopBlobstore() {
    blobstore.close();
  }

  @AfterEach
  void close() {
    cpi.close();
  }

  @Test
  void aVmsAgentAnswersOnItsIpWithItsCertificateAndCredentials() throws Exception {
    String cid = createVm();

    assertThat(rpc("mbus", PASSWORD, "ping").path("value").asString()).isEqualTo("pong");
    assertThat(send("mbus", "wrong", "ping").statusCode()).isEqualTo(401);
    assertThat(cpi.hasVm(cid)).isTrue();
    assertThat(cpi.agentFor(cid).settings().get("mbus")).isEqualTo("https://mbus:" + PASSWORD + "@" + IP + ":6868");
  }

  @Test
  void compilePackageUploadsATarballToTheDirectorsBlobstore() throws Exception {
    createVm();
    blobstore.blobs.put("source-1", "source".getBytes(StandardCharsets.UTF_8));

    JsonNode result = task("compile_package", "source-1", "abc", "demo", "1.0", Map.of()).path("result");

    byte[] blob = blobstore.blobs.get(result.path("blobstore_id").asString());
    assertThat(blob).isNotNull();
    assertThat(result.path("sha1").asString()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(blob)));
  }

  @Test
  void applyWithAConfigurationChecksThatTheRenderedArchiveExists() throws Exception {
    createVm();
    blobstore.blobs.put("rendered-1", new byte[] {1});
    Map<String, Object> spec = Map.of("configuration_hash", "h", "rendered_templates_archive", Map.of("blobstore_id", "rendered-1", "sha1", "x"));
    Map<String, Object> missing = Map.of("configuration_hash", "h", "rendered_templates_archive", Map.of("blobstore_id", "gone", "sha1", "x"));

    assertThat(task("apply", spec).asString()).isEqualTo("applied");
    assertThat(taskReply("apply", missing).path("exception").path("message").asString()).contains("blob gone) is not in the Director's blobstore");
  }

  @Test
  void deletingTheVmOrSilencingItsAgentRefusesConnections() throws Exception {
    String cid = createVm();

    cpi.agentFor(cid).silence();
    assertThatThrownBy(() -> send("mbus", PASSWORD, "ping")).isInstanceOf(ConnectException.class);
    assertThat(cpi.hasVm(cid)).isTrue();

    cpi.agentFor(cid).answerAgain();
    assertThat(rpc("mbus", PASSWORD, "ping").path("value").asString()).isEqualTo("pong");

    cpi.deleteVm(cid);
    assertThatThrownBy(() -> send("mbus", PASSWORD, "ping")).isInstanceOf(ConnectException.class);
    assertThat(cpi.hasVm(cid)).isFalse();
    cpi.deleteVm(cid);
  }

  @Test
  void aPausedAgentHoldsRequestsUnansweredUntilTheCallerTimesOutAndAnswersAgainOnResume() throws Exception {
    String cid = createVm();

    cpi.agentFor(cid).pause();
    assertThatThrownBy(() -> send("mbus", PASSWORD, Duration.ofSeconds(1), "ping")).isInstanceOf(HttpTimeoutException.class);

    cpi.agentFor(cid).resume();
    assertThat(rpc("mbus", PASSWORD, "ping").path("value").asString()).isEqualTo("pong");

    cpi.agentFor(cid).pause();
    cpi.deleteVm(cid); // drops what it holds: the CPI closes without waiting for a resume
  }

  @Test
  void disksAreRecordsAttachedToOneVmAtATimeAndNamedInItsAgentsSettings() throws Exception {
    String vm = createVm();
    String disk = cpi.createDisk(1024, Map.of(), vm);

    assertThat(cpi.attachDisk(vm, disk).value()).isEqualTo(Map.of("path", "/dev/dummy/" + disk));
    assertThat(task("mount_disk", disk).isObject()).isTrue();
    assertThat(cpi.agentFor(vm).mountedDisks()).containsExactly(disk);
    assertThatThrownBy(() -> cpi.deleteDisk(disk)).hasMessageContaining("is attached to VM " + vm);

    cpi.detachDisk(vm, disk);
    cpi.deleteDisk(disk);
    assertThat(cpi.hasDisk(disk)).isFalse();
  }

  @Test
  void aLostDiskIsGoneFromTheCloudWhileTheAgentStillListsItMounted() throws Exception {
    String vm = createVm();
    String disk = cpi.createDisk(1024, Map.of(), vm);
    cpi.attachDisk(vm, disk);
    task("mount_disk", disk);

    cpi.loseDisk(disk);

    assertThat(cpi.hasDisk(disk)).isFalse();
    assertThat(task("list_disk").toString()).isEqualTo("[\"" + disk + "\"]");
    cpi.detachDisk(vm, disk); // as after any lost disk: nothing to detach
  }

  @Test
  void callsThatMeetGoOnOnlyTogetherAndOneWaitingInVainFails() throws Exception {
    cpi.meetNext("has_disk", 2, Duration.ofSeconds(30));
    Future<Boolean> first;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      first = pool.submit(() -> cpi.hasDisk("disk-a"));
      assertThat(cpi.hasDisk("disk-b")).isFalse();
    }
    assertThat(first.get()).isFalse();
    assertThat(cpi.hasDisk("disk-c")).as("the meeting is over").isFalse();

    cpi.meetNext("has_vm", 2, Duration.ofMillis(200));
    assertThatThrownBy(() -> cpi.hasVm("vm-1")).isInstanceOf(CpiException.class).hasMessage("has_vm: only 1 of 2 calls came together within 200 ms");
  }

  @Test
  void injectedCpiFailuresAndTakenIpsFailCreateVm() throws Exception {
    stemcell = cpi.createStemcell(dir, Map.of());
    cpi.failNext("create_vm");

    assertThatThrownBy(() -> cpi.createVm(spec())).isInstanceOf(CpiException.class).hasMessage("injected failure of create_vm");
    createVm();
    assertThatThrownBy(() -> cpi.createVm(spec()))
        .isInstanceOfSatisfying(CpiException.class, e -> assertThat(e.type()).isEqualTo(CpiErrors.VM_CREATION_FAILED))
        .hasMessageContaining("IP " + IP + " is used by VM");
  }

  private String createVm() throws CpiException {
    if (stemcell == null) {
      stemcell = cpi.createStemcell(dir, Map.of());
    }
    CreatedVm created = cpi.createVm(spec());
    cpi.setVmMetadata(created.cid(), Map.of("name", "web/0"));
    assertThat(cpi.metadataOf(created.cid())).containsEntry("name", "web/0");
    return created.cid();
  }

  private VmSpec spec() {
    return new VmSpec("agent-1", stemcell, Map.of(), Map.of("default", Network.manual(IP, "255.255.0.0", "127.88.0.1")), List.of(),
        vmCertificate.env(PASSWORD, blobstore.endpoint(), blobstore.certificates.certificate()));
  }

  private JsonNode task(String method, Object... arguments) throws Exception {
    JsonNode reply = taskReply(method, arguments);
    assertThat(reply.has("exception")).as(reply.toString()).isFalse();
    return reply.path("value");
  }

  private JsonNode taskReply(String method, Object... arguments) throws Exception {
    String id = rpc("mbus", PASSWORD, method, arguments).path("value").path("agent_task_id").asString();
    JsonNode[] last = new JsonNode[1];
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
      last[0] = rpc("mbus", PASSWORD, "get_task", id);
      return !"running".equals(last[0].path("value").path("state").asString(""));
    });
    return last[0];
  }

  private static JsonNode rpc(String user, String password, String method, Object... arguments) throws IOException, InterruptedException {
    HttpResponse<String> response = send(user, password, method, arguments);
    assertThat(response.statusCode()).isEqualTo(200);
    return Json.mapper().readTree(response.body());
  }

  private static HttpResponse<String> send(String user, String password, String method, Object... arguments) throws IOException, InterruptedException {
    return send(user, password, Duration.ofSeconds(30), method, arguments);
  }

  private static HttpResponse<String> send(String user, String password, Duration timeout, String method, Object... arguments)
      throws IOException, InterruptedException {
    try (HttpClient client = HttpClient.newBuilder().sslContext(TlsContexts.trusting(vmCertificate.certificate(), "VM certificate")).build()) {
      String body = Json.write(Map.of("protocol", 3, "method", method, "arguments", List.of(arguments), "reply_to", "director"));
      HttpRequest request = HttpRequest.newBuilder(URI.create("https://" + IP + ":6868/agent"))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
          .timeout(timeout).POST(HttpRequest.BodyPublishers.ofString(body)).build();
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }
}
