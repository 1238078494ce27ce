// Deploy benchmark: how long a Director takes to deploy N instances of the demo release's web job, on the dummy CPI
// (in-process simulated agents) or on the real local cloud (one namespaced process tree and agent JVM per VM).
// Run with bench/deploy-bench.sh (builds the CLI jar and the release artifacts first). Prints figures; asserts nothing.
//
// Usage: java -cp lazarus-testing/target/classes bench/DeployBench.java <path to ./lazarus> <artifacts dir> <dummy|local> <instances> <max_in_flight> [watch_time]
// watch_time is the manifest's canary_watch_time and update_watch_time (default 1000-60000, as examples/demo.yml).
// The Director is started through the launcher (`lazarus director --config`), as a user starts it, on a fresh store
// with the embedded database; the stemcell, the demo release and a cloud-config are uploaded; then one deploy is
// timed and its event log summed up per stage; on the local cloud the deployment is then deleted (timed too), whose VMs
// would outlive the Director; the dummy cloud's VMs end with it.

import io.lazarus.testing.DemoManifests;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

public class DeployBench {
  private static final String PASSWORD = "bench-secret";

  public static void main(String[] args) throws Exception {
    Path launcher = Path.of(args[0]);
    Path artifacts = Path.of(args[1]);
    String cpi = args[2];
    int instances = Integer.parseInt(args[3]);
    int maxInFlight = Integer.parseInt(args[4]);
    String watchTime = args.length > 5 ? args[5] : "1000-60000";
    // Separate /16s, so a bench of either kind never meets the ITs' 127.88.0.0/16 or `lazarus up`'s 127.10.0.0/16.
    String prefix = cpi.equals("dummy") ? "127.86" : "127.87";
    Path dir = Files.createTempDirectory("lazarus-deploy-bench");
    int port = freePort();
    Path config = directorConfig(dir, "deploy-bench", port, cpi);
    Path log = dir.resolve("director.log");
    Process director = new ProcessBuilder(launcher.toString(), "director", "--config", config.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    System.out.printf("deploying %d instances with max_in_flight %d on the '%s' CPI (Director log: %s)%n", instances, maxInFlight, cpi, log);
    try {
      URI base = URI.create("https://127.0.0.1:" + port);
      HttpClient http = awaitDirector(director, dir.resolve("store/director/tls/ca.pem"), base, log);
      Api api = Api.admin(http, base);
      api.upload(artifacts, prefix);

      long t0 = System.nanoTime();
      double cpu0 = cpuSeconds(director.pid());
      long deploy = api.startTask("/deployments", "text/yaml", HttpRequest.BodyPublishers.ofString(DemoManifests.web("bench", instances, maxInFlight, watchTime)));
      String state = api.awaitDone(deploy);
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("deploy task %d: %s in %.1f s (POST /deployments to the task's end, polled every 100 ms; watch time %s)%n", deploy, state, seconds, watchTime);
      System.out.printf("Director process CPU during the deploy: %.1f s (of %.1f s on %d cores)%n", cpuSeconds(director.pid()) - cpu0, seconds * Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors());
      stages(api.get("/tasks/" + deploy + "/output?type=event"));
      System.out.printf("Director process after the deploy: %s, %s%n", procStatus(director.pid(), "VmRSS"), procStatus(director.pid(), "Threads"));
      if (!state.equals("done")) {
        System.out.println("task result: " + api.get("/tasks/" + deploy));
      }
      if (cpi.equals("local")) { // the local cloud's VMs are processes that outlive the Director: delete them
        long t1 = System.nanoTime();
        long delete = api.startTask("/deployments/bench", "DELETE", null);
        String deleted = api.awaitDone(delete);
        System.out.printf("delete deployment task %d: %s in %.1f s%n", delete, deleted, (System.nanoTime() - t1) / 1e9);
      }
    } finally {
      director.destroy();
      if (!director.waitFor(60, TimeUnit.SECONDS)) {
        director.destroyForcibly();
      }
    }
  }

  /** Sums the event log up per stage: first start to last finish, and the slowest single step. */
  private static void stages(String events) {
    Map<String, long[]> spans = new LinkedHashMap<>();
    Map<String, Long> started = new LinkedHashMap<>();
    Pattern line = Pattern.compile("\"time\":(\\d+).*?\"stage\":\"([^\"]*)\".*?\"task\":\"([^\"]*)\".*?\"state\":\"([^\"]*)\"");
    for (String text : events.split("\n")) {
      Matcher m = line.matcher(text);
      if (!m.find()) {
        continue;
      }
      long time = Long.parseLong(m.group(1));
      String stage = m.group(2);
      long[] span = spans.computeIfAbsent(stage, s -> new long[] {Long.MAX_VALUE, 0, 0, 0});
      String key = stage + "/" + m.group(3);
      if (m.group(4).equals("started")) {
        span[0] = Math.min(span[0], time);
        started.put(key, time);
        span[3]++;
      } else {
        span[1] = Math.max(span[1], time);
        span[2] = Math.max(span[2], time - started.getOrDefault(key, time));
      }
    }
    long previousEnd = -1;
    for (Map.Entry<String, long[]> entry : spans.entrySet()) {
      long[] span = entry.getValue();
      if (previousEnd >= 0 && span[0] - previousEnd > 0) {
        // Work between stages has no events of its own, e.g. rendering every instance's templates before updating.
        System.out.printf("  (between stages, no events) %d s%n", span[0] - previousEnd);
      }
      System.out.printf("  stage %-22s %4d step(s): %3d s from first start to last finish, slowest step %d s%n", entry.getKey(), span[3], span[1] - span[0], span[2]);
      previousEnd = span[1];
    }
  }

  /** A Director config on the embedded database in {@code dir/store}, one local admin; the file's path. */
  static Path directorConfig(Path dir, String name, int port, String cpi) throws IOException {
    return Files.writeString(dir.resolve("director.yml"), """
        name: %s
        address: 127.0.0.1
        port: %d
        store: store
        workers: 3
        cpi: {type: %s}
        user_management:
          local:
            users:
            - {name: admin, password: %s}
        """.formatted(name, port, cpi, PASSWORD));
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static HttpClient awaitDirector(Process director, Path caFile, URI base, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!director.isAlive()) {
        throw new IllegalStateException("the Director exited with " + director.exitValue() + "; see " + log);
      }
      if (Files.exists(caFile)) {
        HttpClient http = HttpClient.newBuilder().sslContext(trusting(caFile)).connectTimeout(Duration.ofSeconds(5)).build();
        try {
          if (http.send(HttpRequest.newBuilder(base.resolve("/info")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
            return http;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the Director did not answer /info within 120 s; see " + log);
  }

  record Api(HttpClient http, URI base, String auth) {
    static Api admin(HttpClient http, URI base) {
      return new Api(http, base, "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    /** Uploads the local stemcell and the demo release from {@code artifacts}, and a cloud-config on {@code prefix}.0.0/16. */
    void upload(Path artifacts, String prefix) throws Exception {
      awaitDone(startTask("/stemcells", "application/x-compressed", HttpRequest.BodyPublishers.ofFile(artifacts.resolve("lazarus-local-stemcell.tgz"))));
      awaitDone(startTask("/releases", "application/x-compressed", HttpRequest.BodyPublishers.ofFile(artifacts.resolve("demo-release.tgz"))));
      String cloud = DemoManifests.cloudConfig(prefix).replace("\n", "\\n").replace("\"", "\\\"");
      send("POST", "/configs", "application/json", HttpRequest.BodyPublishers.ofString("{\"type\":\"cloud\",\"name\":\"default\",\"content\":\"" + cloud + "\"}"));
    }

    HttpResponse<String> send(String method, String path, String contentType, HttpRequest.BodyPublisher body) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", auth).timeout(Duration.ofMinutes(5));
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2 && response.statusCode() != 302) {
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response;
    }

    String get(String path) throws Exception {
      return send("GET", path, null, null).body();
    }

    /** Starts a task (POST, or DELETE when contentType is "DELETE") and returns its id from the redirect. */
    long startTask(String path, String contentType, HttpRequest.BodyPublisher body) throws Exception {
      HttpResponse<String> response = contentType.equals("DELETE") ? send("DELETE", path, null, null) : send("POST", path, contentType, body);
      String location = response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(path + " started no task: " + response.body()));
      return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** Polls the task until it ends and returns its final state. */
    String awaitDone(long task) throws Exception {
      Pattern statePattern = Pattern.compile("\"state\":\"([a-z]+)\"");
      while (true) {
        Matcher m = statePattern.matcher(get("/tasks/" + task));
        String state = m.find() ? m.group(1) : "unknown";
        if (!state.equals("queued") && !state.equals("processing")) {
          if (!state.equals("done")) {
            System.out.println("task " + task + " ended " + state + ": " + get("/tasks/" + task));
          }
          return state;
        }
        Thread.sleep(100);
      }
    }
  }

  /** User plus system CPU time of a process, from /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s). */
  private static double cpuSeconds(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
  }

  private static String procStatus(long pid, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith(field + ":")) {
        return line.replaceAll("\\s+", " ");
      }
    }
    return field + ": ?";
  }

  static SSLContext trusting(Path caFile) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    int i = 0;
    for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(Files.newInputStream(caFile))) {
      trust.setCertificateEntry("ca" + i++, cert);
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}
