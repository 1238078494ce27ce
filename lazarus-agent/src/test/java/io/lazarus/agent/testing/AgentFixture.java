package io.lazarus.agent.testing;

import static org.awaitility.Awaitility.await;

import io.lazarus.agent.Agent;
import io.lazarus.agent.AgentPaths;
import io.lazarus.agent.JobSupervisorFactory;
import io.lazarus.agent.disk.SymlinkMounter;
import io.lazarus.core.json.Json;
import io.lazarus.core.tls.TlsContexts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLParameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real agent started in-process on a free loopback port, in plain mode under a temporary VCAP_ROOT, with a
 * fake DAV blobstore and a fake heartbeat receiver, driven with the JDK HttpClient as the Director drives it.
 * Closes everything it started.
 */
public final class AgentFixture implements AutoCloseable {
  public static final String AGENT_ID = "agent-3f0c";
  public static final String MBUS_USER = "mbus";
  public static final String MBUS_PASSWORD = "mbus-secret";

  public final TestCa ca = TestCa.shared();
  public final Path root;
  public final AgentPaths paths;
  public final FakeDavBlobstore blobstore;
  public final FakeHeartbeatReceiver receiver;
  public final Path diskDir;
  private final int port;
  private final HttpClient client;
  private Agent agent;

  public AgentFixture(Path tempDir, int heartbeatIntervalSeconds) throws IOException {
    root = tempDir.resolve("vm-root");
    paths = new AgentPaths(root);
    diskDir = tempDir.resolve("disks").resolve("disk-1");
    Files.createDirectories(diskDir);
    blobstore = new FakeDavBlobstore(ca);
    receiver = new FakeHeartbeatReceiver(ca, AGENT_ID);
    port = freePort();
    writeSettings(heartbeatIntervalSeconds);
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(TlsContexts.PROTOCOLS);
    client = HttpClient.newBuilder().sslContext(TlsContexts.trusting(ca.caPem(), "test CA")).sslParameters(parameters)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  private void writeSettings(int interval) throws IOException {
    TestCa.Issued cert = ca.issue("127.0.0.1");
    ObjectNode settings = Json.mapper().createObjectNode();
    settings.put("agent_id", AGENT_ID);
    settings.putObject("vm").put("name", "vm-7d1e");
    settings.put("mbus", "https://" + MBUS_USER + ":" + MBUS_PASSWORD + "@127.0.0.1:" + port);
    ObjectNode tls = settings.putObject("env").putObject("bosh").putObject("mbus").putObject("cert");
    tls.put("ca", ca.caPem()).put("certificate", cert.certificatePem()).put("private_key", cert.pkcs1PrivateKeyPem());
    ObjectNode dav = settings.putArray("blobstores").addObject();
    dav.put("provider", "dav");
    ObjectNode options = dav.putObject("options");
    options.put("endpoint", blobstore.endpoint()).put("user", FakeDavBlobstore.USER).put("password", FakeDavBlobstore.PASSWORD);
    options.putObject("tls").putObject("cert").put("ca", ca.caPem());
    settings.putObject("networks").putObject("default").put("type", "manual").put("ip", "127.0.0.1");
    ObjectNode disks = settings.putObject("disks");
    disks.put("system", "");
    disks.putObject("persistent").putObject("disk-1").put("path", diskDir.toString());
    settings.putObject("heartbeat").put("url", receiver.url()).put("user", AGENT_ID).put("password", FakeHeartbeatReceiver.PASSWORD)
        .put("ca", ca.caPem()).put("interval_seconds", interval);
    Files.createDirectories(paths.bosh());
    Files.writeString(paths.settingsFile(), Json.write(settings));
  }

  public AgentFixture start() throws IOException {
    return start(new ForegroundSupervisor.Factory());
  }

  /** Starts the agent with {@code supervisors}' supervisor, e.g. the production one. */
  public AgentFixture start(JobSupervisorFactory supervisors) throws IOException {
    agent = Agent.start(paths, supervisors, new Agent.Options(Clock.systemUTC(), new SymlinkMounter(), 2, Duration.ofMillis(100)));
    return this;
  }

  /** POSTs an envelope and returns the whole reply. */
  public JsonNode send(String method, Object... arguments) throws IOException, InterruptedException {
    ObjectNode envelope = Json.mapper().createObjectNode();
    envelope.put("protocol", 3).put("method", method).put("reply_to", "director-uuid");
    ArrayNode args = envelope.putArray("arguments");
    for (Object argument : arguments) {
      args.add(Json.mapper().valueToTree(argument));
    }
    HttpResponse<String> response = post(Json.write(envelope), MBUS_PASSWORD);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(method + " answered HTTP " + response.statusCode());
    }
    return Json.mapper().readTree(response.body());
  }

  /** Calls a sync method and returns its value, failing on an exception reply. */
  public JsonNode call(String method, Object... arguments) throws IOException, InterruptedException {
    JsonNode reply = send(method, arguments);
    if (reply.has("exception")) {
      throw new IllegalStateException(method + " failed: " + reply.path("exception").path("message").asString());
    }
    return reply.path("value");
  }

  /** Calls an async method and polls get_task (as the Director does) until it ends; returns get_task's last reply. */
  public JsonNode runTask(String method, Object... arguments) throws IOException, InterruptedException {
    JsonNode started = call(method, arguments);
    String taskId = started.path("agent_task_id").asString();
    if (taskId.isEmpty()) {
      throw new IllegalStateException(method + " did not start a task: " + started);
    }
    JsonNode[] last = new JsonNode[1];
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
      last[0] = send("get_task", taskId);
      return !"running".equals(last[0].path("value").path("state").asString(""))
          || !last[0].path("value").has("agent_task_id");
    });
    return last[0];
  }

  public HttpResponse<String> post(String body, String password) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/agent"))
        .header("Authorization", basic(MBUS_USER, password))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpClient client() {
    return client;
  }

  public String baseUrl() {
    return "https://127.0.0.1:" + port;
  }

  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public List<FakeHeartbeatReceiver.Received> heartbeats() {
    return receiver.received("/agents/" + AGENT_ID + "/heartbeat");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    if (agent != null) {
      agent.close();
    }
    client.close();
    blobstore.close();
    receiver.close();
  }
}
