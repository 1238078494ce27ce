package io.lazarus.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.cli.CliRun;
import io.lazarus.core.json.Json;
import io.lazarus.cpi.local.LocalCloud;
import io.lazarus.director.DevSetup;
import io.lazarus.director.Director;
import io.lazarus.director.DirectorConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real Director on the real local cloud, for end-to-end tests: started in-process on a free port with its own
 * store, the built stemcell and demo release uploaded and a cloud-config for its own {@code /24} of the loopback
 * range, all through the CLI, which is logged in as environment {@code lz}. IMPORTANT: close it; closing stops
 * every VM of its cloud.
 */
final class LocalCloudDirector implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path dir;
  private final Director director;
  private final CliRun cli;
  private final String subnet;

  private LocalCloudDirector(Path dir, Director director, CliRun cli, String subnet) {
    this.dir = dir;
    this.director = director;
    this.cli = cli;
    this.subnet = subnet;
  }

  /** {@code subnet} is the first three octets of the network, e.g. "127.71.0": its own per test class. */
  static LocalCloudDirector start(Path dir, String subnet) throws Exception {
    Director director = Director.start(DirectorConfig.load(DevSetup.writeDevConfig(dir.resolve("store"), "127.0.0.1", 0)));
    try {
      Map<?, ?> env = Json.read(Files.readString(director.envFile()), Map.class);
      CliRun cli = new CliRun(Files.createDirectories(dir.resolve("home"))).realTime();
      ok(cli.run("alias-env", "lz", "-e", env.get("url").toString(), "--ca-cert", env.get("ca_cert").toString()));
      ok(cli.stdin(env.get("client") + "\n" + env.get("client_secret") + "\n").run("log-in", "-e", "lz"));
      LocalCloudDirector fixture = new LocalCloudDirector(dir, director, cli.stdin(""), subnet);
      fixture.ok("-e", "lz", "-n", "upload-stemcell", fixture.resource("/artifacts/lazarus-local-stemcell.tgz").toString());
      fixture.ok("-e", "lz", "-n", "upload-release", fixture.resource("/artifacts/demo-release.tgz").toString());
      fixture.ok("-e", "lz", "-n", "update-cloud-config", Files.writeString(dir.resolve("cloud.yml"), cloudConfig(subnet)).toString());
      return fixture;
    } catch (Exception | AssertionError e) {
      try {
        new LocalCloud(dir.resolve("store/local-cloud")).stopAll();
      } finally {
        director.close();
      }
      throw e;
    }
  }

  private static String cloudConfig(String subnet) {
    return """
        azs: [{name: z1}]
        vm_types: [{name: default}]
        disk_types: [{name: default, disk_size: 1024}]
        networks:
        - name: default
          type: manual
          subnets:
          - range: %1$s.0/24
            gateway: %1$s.1
            reserved: [%1$s.2 - %1$s.9]
            static: [%1$s.10 - %1$s.30]
            az: z1
        compilation: {workers: 2, network: default, az: z1, reuse_compilation_vms: true, vm_type: default}
        """.formatted(subnet);
  }

  /** The demo manifest with {@code web} web instances (max_in_flight {@code maxInFlight}) and one counter. */
  static String demoManifest(int web, int maxInFlight) {
    return demoManifest(web, maxInFlight, 1024);
  }

  /** As {@link #demoManifest(int, int)}, with the counter's persistent disk of {@code diskMb}. */
  static String demoManifest(int web, int maxInFlight, int diskMb) {
    return """
        name: demo
        releases: [{name: demo, version: latest}]
        stemcells: [{alias: default, os: lazarus-local, version: latest}]
        update: {canaries: 1, max_in_flight: %d, canary_watch_time: 1000-60000, update_watch_time: 1000-60000}
        instance_groups:
        - name: web
          instances: %d
          azs: [z1]
          vm_type: default
          stemcell: default
          networks: [{name: default}]
          jobs: [{name: web, release: demo, properties: {port: 8080}}]
        - name: counter
          instances: 1
          azs: [z1]
          vm_type: default
          stemcell: default
          persistent_disk: %d
          networks: [{name: default}]
          jobs: [{name: counter, release: demo}]
        """.formatted(maxInFlight, web, diskMb);
  }

  CliRun.Result deploy(String manifest, String... flags) throws IOException {
    Path file = Files.writeString(Files.createTempFile(dir, "manifest", ".yml"), manifest);
    String[] args = new String[flags.length + 6];
    System.arraycopy(new String[] {"-e", "lz", "-d", "demo", "-n", "deploy"}, 0, args, 0, 6);
    System.arraycopy(flags, 0, args, 6, flags.length);
    String[] withFile = java.util.Arrays.copyOf(args, args.length + 1);
    withFile[args.length] = file.toString();
    return cli.run(withFile);
  }

  CliRun.Result ok(String... args) {
    return ok(cli.run(args));
  }

  private static CliRun.Result ok(CliRun.Result result) {
    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    return result;
  }

  CliRun cli() {
    return cli;
  }

  Director director() {
    return director;
  }

  LocalCloud cloud() {
    return new LocalCloud(dir.resolve("store/local-cloud"));
  }

  String subnet() {
    return subnet;
  }

  /** GET (or POST) http://ip:port/ on a VM; the body, or null when nothing answers. */
  static String http(String method, String ip, int port) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + ip + ":" + port + "/")).timeout(Duration.ofSeconds(3)).method(method, HttpRequest.BodyPublishers.noBody()).build();
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body().trim();
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private Path resource(String name) throws IOException {
    Path target = dir.resolve(Path.of(name).getFileName().toString());
    try (InputStream in = LocalCloudDirector.class.getResourceAsStream(name)) {
      assertThat(in).as("%s on the test class path (built by lazarus-release)", name).isNotNull();
      Files.copy(in, target);
    }
    return target;
  }

  @Override
  public void close() {
    try {
      cloud().stopAll();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot stop the VMs of " + dir, e);
    } finally {
      director.close();
    }
  }
}
