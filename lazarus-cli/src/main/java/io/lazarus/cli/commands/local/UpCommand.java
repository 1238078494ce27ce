package io.lazarus.cli.commands.local;

import io.lazarus.cli.Cli;
import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.core.json.Json;
import io.lazarus.director.DevSetup;
import io.lazarus.monitor.config.HmConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lazarus up}: a local Director with the local cloud and its Health Monitor (resurrector on), in the background, with the local stemcell, the demo
 * release and a cloud-config for {@code 127.10.0.0/16} uploaded, saved as the environment {@code local}.
 */
@Command(name = "up", description = "Start a local Director on the local cloud, ready to deploy the demo release")
public final class UpCommand extends LazarusSubcommand {
  static final String ALIAS = "local";

  @Option(names = "--store", paramLabel = "DIR", description = "Store directory (default: ~/.lazarus/local)")
  private Path store;

  @Option(names = "--address", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE})")
  private String address;

  @Option(names = "--port", defaultValue = "25555", description = "HTTPS port (default: ${DEFAULT-VALUE})")
  private int port;

  @Override
  protected void run(Session session) throws Exception {
    Path storeDir = (store != null ? store : defaultStore(session)).toAbsolutePath();
    BackgroundProcess director = director(storeDir);
    Path envFile = storeDir.resolve("director/env.json");
    PrintStream out = session.environment().out();
    if (director.running().isPresent()) {
      out.println("A local Director is already running (store " + storeDir + ")");
    } else {
      out.println("Starting a local Director (store " + storeDir + ", log " + director.logFile() + ")...");
      // a concrete port, so that the Health Monitor's config can name the Director's address
      Path config = DevSetup.writeDevConfig(storeDir, address, port == 0 ? freePort() : port);
      Files.deleteIfExists(envFile); // written afresh once the Director serves
      director.start(List.of("director", "--config", config.toString()), () -> Files.exists(envFile), session.environment().sleeper(), session.environment().clock());
    }
    startHealthMonitor(storeDir, session);
    Map<?, ?> env = Json.read(Files.readString(envFile), Map.class);
    String url = env.get("url").toString();
    String caPem = Files.readString(Path.of(env.get("ca_cert").toString()));
    session.saveConfig(session.configStore().load().withAlias(ALIAS, url, caPem).withCredentials(ALIAS, url, env.get("client").toString(), env.get("client_secret").toString()));
    Path scratch = Files.createTempDirectory("lazarus-up-");
    try {
      run(session, "upload-stemcell", artifact("lazarus-local-stemcell.tgz", scratch));
      run(session, "upload-release", artifact("demo-release.tgz", scratch));
      run(session, "update-cloud-config", resource("cloud-config.yml", scratch));
    } finally {
      io.lazarus.core.files.FileTrees.deleteRecursively(scratch);
    }
    out.println();
    out.println("Local Director up at " + url + ", saved as environment '" + ALIAS + "' (details: " + envFile + ")");
    out.println("  lazarus -e local -d demo deploy examples/demo.yml");
    out.println("  lazarus -e local -d demo instances");
    out.println("  lazarus -e local -d demo resurrection explain      # the Health Monitor's view: it recreates VMs that stop answering");
    out.println("  lazarus down" + (store != null ? " --store " + storeDir : "") + "      # stops the Director, its Health Monitor and every VM it started");
  }

  /** The Health Monitor of {@code director --dev}'s hm.yml, with the resurrector: started unless it runs. */
  private static void startHealthMonitor(Path storeDir, Session session) throws IOException, InterruptedException {
    BackgroundProcess monitor = healthMonitor(storeDir);
    if (monitor.running().isPresent()) {
      return;
    }
    Path config = DevSetup.hmConfig(storeDir);
    HmConfig.Endpoint api = HmConfig.load(config).http();
    URI healthz = URI.create("http://" + api.address() + ":" + api.port() + "/healthz");
    session.environment().out().println("Starting its Health Monitor (log " + monitor.logFile() + ")...");
    monitor.start(List.of("health-monitor", "--config", config.toString()), () -> answers(healthz), session.environment().sleeper(), session.environment().clock());
  }

  private static boolean answers(URI url) {
    try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
      return client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static BackgroundProcess healthMonitor(Path store) {
    return new BackgroundProcess("the Health Monitor", store.resolve("hm"), "hm");
  }

  static BackgroundProcess director(Path store) {
    return new BackgroundProcess("the Director", store.resolve("director"), "director");
  }

  static Path defaultStore(Session session) {
    return session.environment().userHome().resolve(".lazarus").resolve("local");
  }

  private static void run(Session session, String command, Path file) {
    int code = Cli.run(new String[] {"-e", ALIAS, "-n", command, file.toString()}, session.environment());
    if (code != 0) {
      throw new IllegalStateException("'" + command + " " + file.getFileName() + "' failed (exit code " + code + ")");
    }
  }

  private static Path artifact(String name, Path scratch) throws IOException {
    return copy("/artifacts/" + name, scratch.resolve(name));
  }

  private static Path resource(String name, Path scratch) throws IOException {
    return copy(name, scratch.resolve(name));
  }

  private static Path copy(String resource, Path target) throws IOException {
    try (InputStream in = Optional.ofNullable(UpCommand.class.getResourceAsStream(resource))
        .orElseThrow(() -> new IOException("this build of lazarus carries no " + resource + " (build with ./mvnw package)"))) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }
}
