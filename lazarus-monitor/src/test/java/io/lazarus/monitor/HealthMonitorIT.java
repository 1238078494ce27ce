package io.lazarus.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.lazarus.core.heartbeat.HeartbeatCredentials;
import io.lazarus.monitor.config.HmConfig;
import io.lazarus.monitor.testing.FakeDirector;
import io.lazarus.monitor.testing.TestTls;
import io.lazarus.monitor.tls.PemTls;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A started Health Monitor against the fake Director: agents post heartbeats over HTTPS; one goes silent. */
class HealthMonitorIT {
  @TempDir Path dir;
  private FakeDirector director;
  private HttpServer webhook;
  private final List<String> hooked = new CopyOnWriteArrayList<>();
  private HealthMonitor hm;
  private HttpClient agents;
  private HeartbeatCredentials credentials;
  private final ScheduledExecutorService beating = Executors.newSingleThreadScheduledExecutor();

  @BeforeEach
  void start() throws Exception {
    director = FakeDirector.start();
    director.deployment("demo", false, List.of(FakeDirector.instance("i-1", "agent-1", "web", 0, "vm-1"), FakeDirector.instance("i-2", "agent-2", "web", 1, "vm-2")));
    webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    webhook.createContext("/hook", exchange -> {
      try (exchange) {
        hooked.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(204, -1);
      }
    });
    webhook.start();
    TestTls tls = TestTls.create(dir);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Files.writeString(dir.resolve("heartbeat.key"), HexFormat.of().formatHex(key));
    credentials = HeartbeatCredentials.of(key);
    Files.writeString(dir.resolve("hm.yml"), """
        http: {port: 0}
        ingest: {port: 0, certificate: cert.pem, private_key: key.pem, heartbeat_key: heartbeat.key}
        director: {endpoint: %s, user: hm, password: secret}
        intervals: {poll_director: 1, agent_timeout: 2, analyze_agents: 1}
        plugins:
          - {name: logger, events: [alert]}
          - {name: event_logger, events: [alert]}
          - {name: webhook, events: [alert], options: {url: "http://127.0.0.1:%d/hook", attempts: 2, backoff: 1}}
        """.formatted(director.url(), webhook.getAddress().getPort()));
    hm = HealthMonitor.start(HmConfig.load(dir.resolve("hm.yml")), Clock.systemUTC());
    agents = HttpClient.newBuilder().sslContext(PemTls.trusting(tls.certificate())).build();
  }

  @AfterEach
  void stop() {
    beating.shutdownNow();
    if (hm != null) {
      hm.close();
    }
    webhook.stop(0);
    director.close();
  }

  private int post(String agent, String password, String pathAgent, String kind, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(hm.ingestUrl() + "/agents/" + pathAgent + "/" + kind))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((agent + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return agents.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private int heartbeat(String agent) throws Exception {
    return post(agent, credentials.password(agent), agent, "heartbeat", "{\"deployment\":\"demo\",\"job_state\":\"running\",\"vitals\":{}}");
  }

  private HttpResponse<String> api(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(hm.apiUrl().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aSilentAgentIsFlaggedAndItsAlertsReachTheWebhookAndTheDirector() throws Exception {
    await().atMost(Duration.ofSeconds(10)).until(() -> api("/total_available_agents").statusCode() == 200);
    assertThat(heartbeat("agent-1")).isEqualTo(204);
    assertThat(heartbeat("agent-2")).isEqualTo(204);
    beating.scheduleAtFixedRate(() -> {
      try {
        heartbeat("agent-1");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, 0, 300, TimeUnit.MILLISECONDS);

    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(hooked)
        .anySatisfy(body -> assertThat(body).contains("\"title\":\"agent-2 has timed out\"").contains("\"category\":\"vm_health\""))
        .anySatisfy(body -> assertThat(body).contains("\"title\":\"demo has instances with timed out agents\"").contains("\"jobs_to_instance_ids\":{\"web\":[\"i-2\"]}")));
    assertThat(hooked).noneMatch(body -> body.contains("agent-1 has timed out"));
    assertThat(api("/unresponsive_agents").body()).isEqualTo("{\"demo\":1}");
    assertThat(api("/total_available_agents").body()).isEqualTo("{\"demo\":2,\"unmanaged\":0}");
    assertThat(api("/unhealthy_agents").body()).isEqualTo("{\"demo\":0}");
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(director.events())
        .anySatisfy(e -> assertThat(e).containsEntry("object_type", "alert").containsEntry("instance", "web/i-2")));
    String metrics = api("/metrics").body();
    assertThat(metrics).contains("lazarus_hm_agents{deployment=\"demo\"} 2").contains("lazarus_hm_timed_out_agents 1")
        .contains("lazarus_hm_heartbeats_received_total").contains("lazarus_hm_alerts_total{severity=\"critical\"}");
    assertThat(api("/healthz").body()).startsWith("Last pulse was");
    assertThat(api("/decisions").statusCode()).isEqualTo(404);
  }

  @Test
  void wrongCredentialsIdentityOrBodiesAreRefused() throws Exception {
    assertThat(post("agent-1", "not-the-password", "agent-1", "heartbeat", "{}")).isEqualTo(401);
    assertThat(post("agent-1", credentials.password("agent-1"), "agent-2", "heartbeat", "{}")).isEqualTo(403);
    assertThat(post("agent-1", credentials.password("agent-1"), "agent-1", "heartbeat", "{not json")).isEqualTo(400);
    assertThat(post("agent-1", credentials.password("agent-1"), "agent-1", "alert", "{\"id\":\"x\"}")).isEqualTo(400);
    assertThat(post("agent-1", credentials.password("agent-1"), "agent-1", "reboot", "{}")).isEqualTo(404);
    await().atMost(Duration.ofSeconds(10)).until(() -> api("/unknown_instances").statusCode() == 200);
    assertThat(api("/unknown_instances").body()).isEqualTo("{\"demo\":2}"); // no heartbeat was accepted
    assertThat(post("stray", credentials.password("stray"), "stray", "alert",
        "{\"id\":\"m-1\",\"severity\":1,\"title\":\"nginx - does not exist - restart\",\"created_at\":1795946400}")).isEqualTo(204);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(hooked).anySatisfy(body -> assertThat(body).contains("\"source\":\"agent stray []\"")));
    assertThat(api("/total_available_agents").body()).isEqualTo("{\"demo\":2,\"unmanaged\":1}");
    assertThat(post("stray", credentials.password("stray"), "stray", "shutdown", "null")).isEqualTo(204);
    assertThat(api("/total_available_agents").body()).isEqualTo("{\"demo\":2,\"unmanaged\":0}");
  }

  @Test
  void closeIsIdempotentAndStopsTheListeners() throws Exception {
    URI ingest = hm.ingestUrl();
    hm.close();
    hm.close();
    hm.awaitTermination();
    assertThat(catching(() -> heartbeat("agent-1"))).isInstanceOf(java.io.IOException.class);
    assertThat(ingest.getPort()).isPositive();
  }

  private static Throwable catching(ThrowingCall call) {
    try {
      call.run();
      return null;
    } catch (Exception e) {
      return e;
    }
  }

  @FunctionalInterface
  private interface ThrowingCall {
    void run() throws Exception;
  }
}
