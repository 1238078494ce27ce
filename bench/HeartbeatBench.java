// Health Monitor ingest benchmark: N simulated agents post heartbeats over HTTPS (keep-alive) to a real
// HealthMonitor synced from the tests' fake Director. Phase 1 posts back-to-back for a few seconds over a fixed set
// of kept-alive TLS connections and prints heartbeats/s, with the CPU time each heartbeat cost the ingest and the
// load generator (a figure the machine's other load does not move much); phase 2 has every agent beat every 5 s,
// silences one, and prints the time from its last heartbeat to its vm_health alert at a webhook receiver
// (agent_timeout 15 s, so 15 s is the floor). Asserts nothing.
// The load generator writes each request's bytes on a plain SSLSocket and reads the 204's headers: a full HTTP client
// costs more CPU than the ingest it measures, and both share the same two cores.
// Run with bench/heartbeat-bench.sh, which builds the module and its classpath first.

import com.sun.net.httpserver.HttpServer;
import io.lazarus.core.heartbeat.HeartbeatCredentials;
import io.lazarus.monitor.HealthMonitor;
import io.lazarus.monitor.config.HmConfig;
import io.lazarus.monitor.testing.FakeDirector;
import io.lazarus.monitor.testing.TestTls;
import io.lazarus.monitor.tls.PemTls;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

public class HeartbeatBench {
  private static final Pattern CREATED_AT = Pattern.compile("\"created_at\":(\\d+)");
  private static final String BODY = "{\"deployment\":\"bench\",\"job\":\"web\",\"index\":0,\"job_state\":\"running\",\"vitals\":{\"load\":[\"0.1\",\"0.1\",\"0.1\"]}}";

  public static void main(String[] args) throws Exception {
    int agents = Integer.parseInt(args[0]);
    int seconds = Integer.parseInt(args[1]);
    int connections = Integer.parseInt(args[2]);
    Path dir = Files.createTempDirectory("lazarus-hm-bench");
    TestTls tls = TestTls.create(dir);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Files.writeString(dir.resolve("heartbeat.key"), HexFormat.of().formatHex(key));
    HeartbeatCredentials credentials = HeartbeatCredentials.of(key);

    AtomicLong alertAt = new AtomicLong();
    AtomicLong alerts = new AtomicLong();
    AtomicLong lastBeatEpochSecond = new AtomicLong(Long.MAX_VALUE);
    HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    webhook.createContext("/hook", exchange -> {
      try (exchange) {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        alerts.incrementAndGet();
        Matcher created = CREATED_AT.matcher(body);
        // an alert raised before agent-0's last beat (a warm-up that outlasted agent_timeout) may arrive late: skip it
        if (body.contains("\"agent-0 has timed out\"") && created.find() && Long.parseLong(created.group(1)) >= lastBeatEpochSecond.get()) {
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
        URI ingest = URI.create(hm.ingestUrl().toString());
        byte[][] requests = new byte[agents][];
        for (int i = 0; i < agents; i++) {
          String agent = "agent-" + i;
          String auth = Base64.getEncoder().encodeToString((agent + ":" + credentials.password(agent)).getBytes(StandardCharsets.UTF_8));
          requests[i] = ("POST /agents/" + agent + "/heartbeat HTTP/1.1\r\nHost: " + ingest.getHost() + ":" + ingest.getPort() + "\r\nAuthorization: Basic " + auth
              + "\r\nContent-Type: application/json\r\nContent-Length: " + BODY.length() + "\r\n\r\n" + BODY).getBytes(StandardCharsets.UTF_8);
        }
        LoadGenerator load = new LoadGenerator(PemTls.trusting(tls.certificate()), ingest, requests, connections);
        try {
          // Warm-up: every agent a few times (handshakes, JIT).
          for (int i = 0; i < 3; i++) {
            load.round(0, agents);
          }
          long alertsBefore = alerts.get();
          var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
          long ok = 0;
          long cpuStart = os.getProcessCpuTime();
          long clientCpuStart = load.cpuTime();
          long start = System.nanoTime();
          long end = start + seconds * 1_000_000_000L;
          while (System.nanoTime() < end) {
            ok += load.round(0, agents);
          }
          double elapsed = (System.nanoTime() - start) / 1e9;
          long cpu = os.getProcessCpuTime() - cpuStart;
          long clientCpu = load.cpuTime() - clientCpuStart;
          System.out.printf("agents: %d; throughput phase: %d heartbeats accepted in %.1f s = %.0f heartbeats/s (%d kept-alive connections)%n", agents, ok, elapsed,
              ok / elapsed, connections);
          System.out.printf("CPU per heartbeat: %.0f µs in all, %.0f µs of it the load generator, %.0f µs the HM (2 cores give 200 µs per heartbeat at 10,000/s)%n",
              cpu / 1e3 / ok, clientCpu / 1e3 / ok, (cpu - clientCpu) / 1e3 / ok);
          System.out.printf("alerts at the webhook: %d before the throughput phase, %d during it%n", alertsBefore, alerts.get() - alertsBefore);

          // Phase 2: agent-0 beats once more and then falls silent; the others beat every 5 s.
          // timed from before the request is written, so the figure below is an upper bound
          long lastBeat = System.nanoTime();
          lastBeatEpochSecond.set(Instant.now().getEpochSecond());
          load.postAlone(0);
          long deadline = lastBeat + 40_000_000_000L;
          while (alertAt.get() == 0 && System.nanoTime() < deadline) {
            long roundStart = System.nanoTime();
            load.round(1, agents);
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
        } finally {
          load.close();
        }
      }
    } finally {
      webhook.stop(0);
    }
  }

  /** A fixed set of kept-alive TLS connections, each served by a platform thread of a pool, sharing out the agents of a round. */
  private static final class LoadGenerator implements AutoCloseable {
    private final Connection[] connections;
    private final byte[][] requests;
    private final ExecutorService workers;

    LoadGenerator(SSLContext tls, URI ingest, byte[][] requests, int count) throws InterruptedException, ExecutionException {
      this.requests = requests;
      this.workers = Executors.newFixedThreadPool(count); // one platform thread per connection, kept across rounds
      this.connections = new Connection[count];
      List<Future<Connection>> opened = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        // in parallel: a serial handshake per connection would outlast the HM's warm-up with a thousand of them
        opened.add(workers.submit(() -> {
          SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(ingest.getHost(), ingest.getPort());
          socket.setTcpNoDelay(true);
          socket.startHandshake();
          return new Connection(socket);
        }));
      }
      for (int i = 0; i < count; i++) {
        connections[i] = opened.get(i).get();
      }
    }

    /** Posts one heartbeat for agents [from, to), connection i taking every count-th agent; returns the 204s. */
    long round(int from, int to) throws InterruptedException, ExecutionException {
      AtomicLong ok = new AtomicLong();
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < connections.length; c++) {
        Connection connection = connections[c];
        int first = from + c;
        done.add(workers.submit(() -> {
          long started = connection.cpuStart();
          for (int a = first; a < to; a += connections.length) {
            if (connection.post(requests[a])) {
              ok.incrementAndGet();
            }
          }
          connection.cpuDone(started);
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
      return ok.get();
    }

    /** Posts agent's heartbeat on the first connection, on this thread. */
    void postAlone(int agent) {
      if (!connections[0].post(requests[agent])) {
        throw new IllegalStateException("the ingest refused agent " + agent + "'s heartbeat");
      }
    }

    long cpuTime() {
      long sum = 0;
      for (Connection connection : connections) {
        sum += connection.cpu.get();
      }
      return sum;
    }

    @Override
    public void close() throws IOException {
      workers.shutdownNow();
      for (Connection connection : connections) {
        connection.socket.close();
      }
    }
  }

  private static final class Connection {
    private final SSLSocket socket;
    private final OutputStream out;
    private final InputStream in;
    final AtomicLong cpu = new AtomicLong();

    Connection(SSLSocket socket) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
      this.in = new BufferedInputStream(socket.getInputStream(), 4096);
    }

    long cpuStart() {
      return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    void cpuDone(long started) {
      cpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - started);
    }

    /** Sends one request and reads its response; true when it was a 204. */
    boolean post(byte[] request) {
      try {
        out.write(request);
        out.flush();
        return readResponse() == 204;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    /** Reads a response's status line and headers, and a body when it has a Content-Length; returns the status. */
    private int readResponse() throws IOException {
      String status = line();
      int code = Integer.parseInt(status.substring(9, 12));
      long length = 0;
      for (String header = line(); !header.isEmpty(); header = line()) {
        if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          length = Long.parseLong(header.substring(15).trim());
        }
      }
      in.skipNBytes(length);
      return code;
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder(64);
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          throw new IOException("connection closed by the ingest");
        }
        if (b != '\r') {
          line.append((char) b);
        }
      }
      return line.toString();
    }
  }
}
