// Director benchmark: cold start to serving /info, idle resident memory, and API latency under a fixed load.
// Run with bench/director-bench.sh (builds the CLI jar first). Prints its figures; asserts nothing.
//
// Usage: java bench/DirectorBench.java <path to ./lazarus> [requests-per-second] [seconds]
// The Director is started twice through the launcher, as a user starts it: first on an empty store (keys and
// certificates generated, database created), then again on that store; the load runs against the second.

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

public class DirectorBench {
  private static final int CONNECTIONS = 8;

  public static void main(String[] args) throws Exception {
    Path launcher = Path.of(args[0]);
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    Path store = Files.createTempDirectory("lazarus-bench");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Started first = start(launcher, store, port);
    System.out.printf("first start (empty store: CA, keys, database created) to first /info answer: %.0f ms%n", first.millis());
    first.process().destroy();
    first.process().waitFor(30, TimeUnit.SECONDS);
    Started second = start(launcher, store, port);
    System.out.printf("cold start (existing store) to first /info answer: %.0f ms%n", second.millis());
    Process director = second.process();
    HttpClient http = client(store.resolve("director/tls/ca.pem"));
    Path env = store.resolve("director/env.json");
    try {
      String envJson = Files.readString(env);
      String auth = "Basic " + Base64.getEncoder().encodeToString((field(envJson, "client") + ":" + field(envJson, "client_secret")).getBytes(StandardCharsets.UTF_8));
      URI base = URI.create("https://127.0.0.1:" + port);
      seed(http, base, auth);

      Thread.sleep(5_000);
      System.out.printf("idle resident memory (VmRSS) after seeding and 5 s idle: %d MB%n", rssKb(director.pid()) / 1024);

      HttpClient[] connections = new HttpClient[CONNECTIONS];
      for (int i = 0; i < connections.length; i++) {
        connections[i] = client(store.resolve("director/tls/ca.pem"));
      }
      for (String path : List.of("/deployments", "/tasks?limit=30")) {
        measure(connections, base.resolve(path), auth, rate, Math.max(1, seconds / 3)); // warm-up
        long[] latencies = measure(connections, base.resolve(path), auth, rate, seconds);
        Arrays.sort(latencies);
        System.out.printf("GET %-16s %d req/s for %d s (%d requests, open loop, %d keep-alive connections): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
            path, rate, seconds, latencies.length, CONNECTIONS, pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), latencies[latencies.length - 1] / 1e6);
      }
      System.out.printf("resident memory after the load: %d MB%n", rssKb(director.pid()) / 1024);
    } finally {
      director.destroy();
      director.waitFor(10, TimeUnit.SECONDS);
      director.destroyForcibly();
    }
  }

  record Started(Process process, double millis) {}

  /** Starts a Director through the launcher and waits until it answers /info over HTTPS. */
  private static Started start(Path launcher, Path store, int port) throws Exception {
    long t0 = System.nanoTime();
    Process director =
        new ProcessBuilder(launcher.toString(), "director", "--dev", "--port", Integer.toString(port), "--store", store.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(store.resolveSibling(store.getFileName() + ".log").toFile()))
            .start();
    HttpClient http = null;
    while (true) {
      if (!director.isAlive()) {
        throw new IllegalStateException("director exited with " + director.exitValue() + "; see " + store + ".log");
      }
      if (http == null && Files.exists(store.resolve("director/tls/ca.pem")) && Files.exists(store.resolve("director/env.json"))) {
        http = client(store.resolve("director/tls/ca.pem"));
      }
      if (http != null) {
        try {
          HttpResponse<String> info = http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/info")).build(), HttpResponse.BodyHandlers.ofString());
          if (info.statusCode() == 200) {
            return new Started(director, (System.nanoTime() - t0) / 1e6);
          }
        } catch (IOException notYet) {
          // not listening yet
        }
      }
      Thread.sleep(5);
    }
  }

  /** A few configs and 40 finished tasks, so the listings have rows to return. */
  private static void seed(HttpClient http, URI base, String auth) throws Exception {
    for (int i = 0; i < 40; i++) {
      HttpRequest upload = HttpRequest.newBuilder(base.resolve("/stemcells")).header("Authorization", auth).header("Content-Type", "application/x-compressed")
          .POST(HttpRequest.BodyPublishers.ofString("not a stemcell " + i)).build();
      http.send(upload, HttpResponse.BodyHandlers.discarding());
      HttpRequest config = HttpRequest.newBuilder(base.resolve("/configs")).header("Authorization", auth).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"runtime\",\"name\":\"c" + (i % 5) + "\",\"content\":\"v: " + i + "\"}")).build();
      http.send(config, HttpResponse.BodyHandlers.discarding());
    }
  }

  /**
   * Sends requests at a fixed rate over a fixed set of keep-alive connections (as wrk2 does), each measured from
   * its scheduled start, so a slow answer delays the requests queued behind it and shows in their latency too (no
   * coordinated omission).
   */
  private static long[] measure(HttpClient[] connections, URI uri, String auth, int rate, int seconds) throws Exception {
    int total = rate * seconds;
    long[] latencies = new long[total];
    long periodNanos = 1_000_000_000L / rate;
    long start = System.nanoTime() + 10_000_000;
    HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", auth).build();
    java.util.concurrent.BlockingQueue<Integer> due = new java.util.concurrent.LinkedBlockingQueue<>();
    java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(total);
    List<Thread> workers = new ArrayList<>();
    for (HttpClient connection : connections) {
      workers.add(Thread.ofPlatform().daemon().start(() -> {
        try {
          while (true) {
            int index = due.take();
            HttpResponse<String> response = connection.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
              throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
            }
            latencies[index] = System.nanoTime() - (start + index * periodNanos);
            done.countDown();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (Exception e) {
          failure.compareAndSet(null, e);
          while (done.getCount() > 0) {
            done.countDown();
          }
        }
      }));
    }
    for (int i = 0; i < total; i++) {
      long wait = start + i * periodNanos - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      due.add(i);
    }
    boolean finished = done.await(120, TimeUnit.SECONDS);
    workers.forEach(Thread::interrupt);
    if (failure.get() != null) {
      throw failure.get();
    }
    if (!finished) {
      throw new IllegalStateException("requests still unanswered after 120 s");
    }
    return latencies;
  }

  private static double pct(long[] sorted, int percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }

  private static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("env.json has no " + name);
    }
    return m.group(1);
  }

  private static HttpClient client(Path caFile) throws Exception {
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
    return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
  }
}
