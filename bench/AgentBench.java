// Agent benchmark: cold start of the shaded agent jar (through the stemcell's bosh-agent launcher) to answering
// `ping` over HTTPS, the CPU time it used by then (a figure that a busy machine distorts less than wall time), and
// its resident memory (VmRSS) after 10 s idle with heartbeats going every 5 s; first without, then with an AOT
// cache (JDK 25+). Prints its figures; asserts nothing. Run with bench/agent-bench.sh, which builds the jar first.
//
// Usage: java bench/AgentBench.java <bosh-agent launcher> <lazarus-agent.jar> <agent test-classes dir> [runs]
// The shaded jar carries no job supervisor (the supervisor module registers its own); the bench adds the
// agent tests' small ForegroundSupervisor to a copy of the jar so the agent can start.

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

public class AgentBench {
  public static void main(String[] args) throws Exception {
    Path launcher = Path.of(args[0]).toAbsolutePath();
    Path jar = Path.of(args[1]).toAbsolutePath();
    Path testClasses = Path.of(args[2]).toAbsolutePath();
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    Path work = Files.createTempDirectory("lazarus-agent-bench");
    Path tls = Files.createDirectories(work.resolve("tls"));
    run(tls, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem",
        "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1");
    run(tls, "openssl", "pkcs12", "-export", "-in", "cert.pem", "-inkey", "key.pem", "-out", "server.p12", "-passout", "pass:bench");
    String cert = Files.readString(tls.resolve("cert.pem"));
    String key = Files.readString(tls.resolve("key.pem"));
    SSLContext serverTls = serverContext(tls.resolve("server.p12"));
    SSLContext clientTls = clientContext(tls.resolve("server.p12"));
    Path benchJar = withSupervisor(jar, testClasses, work);

    AtomicInteger heartbeats = new AtomicInteger();
    HttpsServer receiver = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    receiver.setHttpsConfigurator(new HttpsConfigurator(serverTls));
    receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    receiver.createContext("/agents/", exchange -> {
      try (exchange; InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
        if (exchange.getRequestURI().getPath().endsWith("/heartbeat")) {
          heartbeats.incrementAndGet();
        }
        exchange.sendResponseHeaders(200, -1);
      }
    });
    receiver.start();

    HttpClient client = HttpClient.newBuilder().sslContext(clientTls).connectTimeout(Duration.ofSeconds(2)).build();
    try {
      Bench bench = new Bench(launcher, benchJar, work, cert, key, receiver.getAddress().getPort(), heartbeats, client);
      Result plain = bench.measure("without AOT cache", runs, null, "");
      // What a stemcell build would do on JDK 25+: one training run of the agent writes an AOT cache (JEP 514)
      // that later starts map. Dumping needs more class space than the launcher allows, hence the override.
      Path cache = work.resolve("lazarus-agent.aot");
      try {
        bench.measure("AOT training run", 1, null, "-XX:MaxMetaspaceSize=256m -XX:AOTCacheOutput=" + cache);
      } catch (IllegalStateException e) {
        System.out.println("AOT training run failed: " + e.getMessage());
      }
      Result aot = Files.isRegularFile(cache) ? bench.measure("with AOT cache", runs, cache, "") : null;
      System.out.println();
      plain.print("without AOT cache");
      if (aot != null) {
        aot.print("with AOT cache (bosh/lib/lazarus-agent.aot)");
      } else {
        System.out.println("no AOT cache was written (a JDK older than 25, or flags that turn class sharing off)");
      }
    } finally {
      receiver.stop(0);
      client.close();
    }
  }

  record Result(List<Long> startMillis, List<Long> cpuMillis, long rssKb, int heartbeats) {
    void print(String label) {
      List<Long> sorted = startMillis.stream().sorted().toList();
      List<Long> cpu = cpuMillis.stream().sorted().toList();
      System.out.printf("%s: cold start to ping median %d ms (min %d, max %d; CPU used by then: median %d ms) over %d runs;"
              + " resident memory after 10 s idle %.1f MB (VmRSS %d kB), %d heartbeats meanwhile%n",
          label, sorted.get(sorted.size() / 2), sorted.getFirst(), sorted.getLast(), cpu.get(cpu.size() / 2), sorted.size(),
          rssKb / 1024.0, rssKb, heartbeats);
    }
  }

  record Bench(Path launcher, Path jar, Path work, String cert, String key, int heartbeatPort, AtomicInteger heartbeats, HttpClient client) {
    Result measure(String label, int runs, Path aotCache, String extraOpts) throws Exception {
      List<Long> startMillis = new ArrayList<>();
      List<Long> cpuMillis = new ArrayList<>();
      long rssKb = 0;
      int beats = 0;
      for (int i = 1; i <= runs; i++) {
        Path root = Files.createTempDirectory(work, "vm-");
        Files.createDirectories(root.resolve("bosh/lib"));
        Files.copy(jar, root.resolve("bosh/lib/lazarus-agent.jar"));
        if (aotCache != null) {
          Files.copy(aotCache, root.resolve("bosh/lib/lazarus-agent.aot"));
        }
        int port = freePort();
        String password = "bench-" + i;
        Files.writeString(root.resolve("bosh/settings.json"), settings(port, password, cert, key, heartbeatPort));
        boolean last = i == runs;
        ProcessBuilder builder = new ProcessBuilder(launcher.toString())
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("console.log").toFile());
        builder.environment().put("VCAP_ROOT", root.toString());
        builder.environment().put("LAZARUS_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // AGENT_BENCH_JAVA_OPTS tries other flags on every run without editing the launcher.
        builder.environment().put("LAZARUS_AGENT_JAVA_OPTS", (System.getenv().getOrDefault("AGENT_BENCH_JAVA_OPTS", "") + " " + extraOpts).trim());
        long started = System.nanoTime();
        Process agent = builder.start();
        try {
          awaitPing(client, port, password, agent, root);
          long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
          long cpu = cpuMillis(agent.pid());
          startMillis.add(millis);
          cpuMillis.add(cpu);
          System.out.printf("%s, run %d: cold start to ping %d ms (%d ms CPU)%n", label, i, millis, cpu);
          if (last) {
            heartbeats.set(0);
            Thread.sleep(Duration.ofSeconds(10));
            rssKb = vmRssKb(agent.pid());
            beats = heartbeats.get();
          }
        } finally {
          agent.destroy();
          if (!agent.waitFor(120, TimeUnit.SECONDS)) {
            agent.destroyForcibly();
          }
        }
      }
      return new Result(startMillis, cpuMillis, rssKb, beats);
    }
  }

  /** User plus system CPU time of a process so far, from /proc/<pid>/stat (clock ticks of 10 ms). */
  static long cpuMillis(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
  }

  static String settings(int port, String password, String cert, String key, int heartbeatPort) {
    return """
        {"agent_id": "bench-agent", "vm": {"name": "vm-bench"},
         "mbus": "https://mbus:%s@127.0.0.1:%d",
         "env": {"bosh": {"mbus": {"cert": {"ca": %s, "certificate": %s, "private_key": %s}}}},
         "blobstores": [{"provider": "dav", "options": {"endpoint": "https://127.0.0.1:1/agent-blobs", "user": "u", "password": "p"}}],
         "networks": {"default": {"type": "manual", "ip": "127.0.0.1"}},
         "disks": {"system": "", "ephemeral": null, "persistent": {}},
         "heartbeat": {"url": "https://127.0.0.1:%d", "user": "bench-agent", "password": "hb", "ca": %s, "interval_seconds": 5}}
        """.formatted(password, port, quote(cert), quote(cert), quote(key), heartbeatPort, quote(cert));
  }

  static void awaitPing(HttpClient client, int port, String password, Process agent, Path root) throws Exception {
    HttpRequest ping = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/agent"))
        .timeout(Duration.ofSeconds(2))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("mbus:" + password).getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString("{\"protocol\":3,\"method\":\"ping\",\"arguments\":[],\"reply_to\":\"bench\"}"))
        .build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!agent.isAlive()) {
        throw new IllegalStateException("agent exited with " + agent.exitValue() + "; see " + root.resolve("console.log"));
      }
      try {
        HttpResponse<String> response = client.send(ping, HttpResponse.BodyHandlers.ofString());
        if (response.body().contains("pong")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(5);
    }
    throw new IllegalStateException("agent did not answer ping within 30 s; see " + root.resolve("bosh/log/current"));
  }

  /** A copy of the agent jar with the tests' ForegroundSupervisor and its service entry added. */
  static Path withSupervisor(Path jar, Path testClasses, Path work) throws IOException {
    Path copy = work.resolve("lazarus-agent-bench.jar");
    Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
    try (FileSystem zip = FileSystems.newFileSystem(copy)) {
      Path classes = testClasses.resolve("io/lazarus/agent/testing");
      try (Stream<Path> files = Files.list(classes)) {
        for (Path file : files.filter(f -> f.getFileName().toString().startsWith("ForegroundSupervisor")).toList()) {
          Path target = zip.getPath("io/lazarus/agent/testing", file.getFileName().toString());
          Files.createDirectories(target.getParent());
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      Path service = zip.getPath("META-INF/services/io.lazarus.agent.JobSupervisorFactory");
      Files.createDirectories(service.getParent());
      Files.copy(testClasses.resolve("META-INF/services/io.lazarus.agent.JobSupervisorFactory"), service, StandardCopyOption.REPLACE_EXISTING);
    }
    return copy;
  }

  static long vmRssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS for pid " + pid);
  }

  static SSLContext serverContext(Path p12) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      store.load(in, "bench".toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, "bench".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  static SSLContext clientContext(Path p12) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      store.load(in, "bench".toCharArray());
    }
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("agent", store.getCertificate(store.aliases().nextElement()));
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static void run(Path dir, String... command) throws Exception {
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
  }

  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
