// Health Monitor ingest benchmark: N simulated agents post heartbeats over HTTPS (keep-alive) to a real
// HealthMonitor synced from the tests' fake Director. Phase 1 posts back-to-back for a few seconds and prints
// heartbeats/s; phase 2 has every agent beat every 5 s, silences one, and prints the time from its last heartbeat
// to its vm_health alert at a webhook receiver (agent_timeout 15 s, so 15 s is the floor). Asserts nothing.
// Run with bench/heartbeat-bench.sh, which builds the module and its classpath first.

import com.sun.net.httpserver.HttpServer;
import io.lazarus.core.heartbeat.HeartbeatCredentials;
import io.lazarus.monitor.HealthMonitor;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

public class HeartbeatBench {
  private static final String BODY = "{\"deployment\":\"bench\",\"job\":\"web\",\"index\":0,\"job_state\":\"running\",\"vitals\":{\"load\":[\"0.1\",\"0.1\",\"0.1\"]}}";

  public static void main(String[] args) throws Exception {
    int agents = Integer.parseInt(args[0]);
    int seconds = Integer.parseInt(args[1]);
    Path dir = Files.createTempDirectory("lazarus-hm-bench");
    TestTls tls = TestTls.create(dir);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Files.writeString(dir.resolve("heartbeat.key"), HexFormat.of().formatHex(key));
    HeartbeatCredentials credentials = HeartbeatCredentials.of(key);

    AtomicLong alertAt = new AtomicLong();
    HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    webhook.createContext("/hook", exchange -> {
      try (exchange) {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (body.contains("\"agent-0 has timed out\"")) {
          alertAt.compareAndSet(0, System.nanoTime());
        }
        exchange.sendResponseHeaders(204, -1);
      }
    });
    webhook.start();
    try (FakeDirector director = FakeDirector.start()) {
      List<Map<String, Object>> instances = new ArrayList<>();
      for (int i = 0; i < agents; i++) {
        instances.add(FakeDirector.instance("i-" + i, "agent-" + i, "web", i, "vm-" + i));
      }
      director.deployment("bench", false, instances);
      Files.writeString(dir.resolve("hm.yml"), """
          http: {port: 0}
          ingest: {port: 0, certificate: cert.pem, private_key: key.pem, heartbeat_key: heartbeat.key}
          director: {endpoint: %s, user: hm, password: secret}
          plugins:
            - {name: webhook, events: [alert], options: {url: "http://127.0.0.1:%d/hook"}}
          """.formatted(director.url(), webhook.getAddress().getPort()));
      try (HealthMonitor hm = HealthMonitor.start(HmConfig.load(dir.resolve("hm.yml")), Clock.systemUTC())) {
        HttpClient api = HttpClient.newHttpClient();
        while (api.send(HttpRequest.newBuilder(hm.apiUrl().resolve("/total_available_agents")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
          Thread.sleep(100);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(PemTls.trusting(tls.certificate()))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
          String agent = "agent-" + i;
          requests.add(HttpRequest.newBuilder(URI.create(hm.ingestUrl() + "/agents/" + agent + "/heartbeat"))
              .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((agent + ":" + credentials.password(agent)).getBytes(StandardCharsets.UTF_8)))
              .POST(HttpRequest.BodyPublishers.ofString(BODY)).build());
        }
        // Warm-up round: every agent once (opens the pooled keep-alive connections, JIT).
        round(client, requests, 0, agents, 256);
        long ok = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
          ok += round(client, requests, 0, agents, 256);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("agents: %d; throughput phase: %d heartbeats accepted in %.1f s = %.0f heartbeats/s (256 in flight, keep-alive)%n", agents, ok, elapsed, ok / elapsed);

        // Phase 2: agent-0 beats once more and then falls silent; the others beat every 5 s.
        client.send(requests.get(0), HttpResponse.BodyHandlers.discarding());
        long lastBeat = System.nanoTime();
        alertAt.set(0); // forget alerts of a slow warm-up round: only the ones after this beat count
        long deadline = lastBeat + 40_000_000_000L;
        while (alertAt.get() == 0 && System.nanoTime() < deadline) {
          long roundStart = System.nanoTime();
          round(client, requests, 1, agents, 256);
          long rest = 5_000_000_000L - (System.nanoTime() - roundStart);
          while (rest > 0 && alertAt.get() == 0) {
            Thread.sleep(Math.min(50, rest / 1_000_000 + 1));
            rest = 5_000_000_000L - (System.nanoTime() - roundStart);
          }
        }
        if (alertAt.get() == 0) {
          System.out.println("silenced agent: no vm_health alert within 40 s");
        } else {
          System.out.printf("silenced agent: vm_health alert %.2f s after its last heartbeat (agent_timeout 15 s)%n", (alertAt.get() - lastBeat) / 1e9);
        }
      }
    } finally {
      webhook.stop(0);
    }
  }

  /** Posts one heartbeat for agents [from, to) with at most {@code inFlight} outstanding; returns the 204s. */
  private static long round(HttpClient client, List<HttpRequest> requests, int from, int to, int inFlight) throws InterruptedException {
    Semaphore slots = new Semaphore(inFlight);
    AtomicLong ok = new AtomicLong();
    List<CompletableFuture<?>> pending = new ArrayList<>();
    for (int i = from; i < to; i++) {
      slots.acquire();
      pending.add(client.sendAsync(requests.get(i), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
        slots.release();
        if (response != null && response.statusCode() == 204) {
          ok.incrementAndGet();
        }
      }));
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    return ok.get();
  }
}
