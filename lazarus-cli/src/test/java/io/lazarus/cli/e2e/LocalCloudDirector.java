package io.lazarus.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.cli.CliRun;
import io.lazarus.core.json.Json;
import io.lazarus.cpi.local.LocalCloud;
import io.lazarus.director.DevSetup;
import io.lazarus.director.Director;
import io.lazarus.director.DirectorConfig;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.PersistentDisk;
import io.lazarus.director.instances.Vm;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Director on the real local cloud, for end-to-end tests: started in-process on a free port with its own
 * store, the built stemcell and demo release uploaded and a cloud-config for its own {@code /24} of the loopback
 * range, all through the CLI, which is logged in as environment {@code lz} with deployment {@code demo} as its
 * default ({@code BOSH_ENVIRONMENT}, {@code BOSH_DEPLOYMENT}). The CLI sleeps for real between task polls. IMPORTANT:
 * close it; closing stops the Director and every VM of its cloud.
 */
public final class LocalCloudDirector implements AutoCloseable {
  public static final String DEPLOYMENT = "demo";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path dir;
  private final Path config;
  private volatile Director director;
  private final CliRun cli;
  private final String subnet;

  private LocalCloudDirector(Path dir, Path config, Director director, CliRun cli, String subnet) {
    this.dir = dir;
    this.config = config;
    this.director = director;
    this.cli = cli;
    this.subnet = subnet;
  }

  /** {@code subnet} is the first three octets of the network, e.g. "127.71.0": its own per test class. */
  public static LocalCloudDirector start(Path dir, String subnet) throws Exception {
    return start(DevSetup.writeDevConfig(dir.resolve("store"), "127.0.0.1", 0), dir, subnet);
  }

  /** As {@link #start(Path, String)}, from a config file already written (by {@link DevSetup}) into {@code dir/store}. */
  public static LocalCloudDirector start(Path config, Path dir, String subnet) throws Exception {
    Director director = Director.start(DirectorConfig.load(config));
    try {
      Map<?, ?> env = Json.read(Files.readString(director.envFile()), Map.class);
      CliRun cli = new CliRun(Files.createDirectories(dir.resolve("home"))).realTime();
      ok(cli.run("alias-env", "lz", "-e", env.get("url").toString(), "--ca-cert", env.get("ca_cert").toString()));
      ok(cli.stdin(env.get("client") + "\n" + env.get("client_secret") + "\n").run("log-in", "-e", "lz"));
      LocalCloudDirector fixture = new LocalCloudDirector(dir, config, director, cli.stdin("").variable("BOSH_ENVIRONMENT", "lz").variable("BOSH_DEPLOYMENT", DEPLOYMENT), subnet);
      fixture.ok("-n", "upload-stemcell", fixture.resource("/artifacts/lazarus-local-stemcell.tgz").toString());
      fixture.ok("-n", "upload-release", fixture.resource("/artifacts/demo-release.tgz").toString());
      fixture.ok("-n", "update-cloud-config", Files.writeString(dir.resolve("cloud.yml"), cloudConfig(subnet)).toString());
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

  /** {@link #start}, then deploys {@code demo} with {@code instanceGroups} (items under {@code instance_groups:}). */
  public static LocalCloudDirector deploy(Path dir, String subnet, String instanceGroups) throws Exception {
    LocalCloudDirector fixture = start(dir, subnet);
    try {
      ok(fixture.deploy(manifest(instanceGroups)));
      return fixture;
    } catch (Exception | AssertionError e) {
      fixture.close();
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
  public static String demoManifest(int web, int maxInFlight) {
    return demoManifest(web, maxInFlight, 1024);
  }

  /** As {@link #demoManifest(int, int)}, with the counter's persistent disk of {@code diskMb}. */
  public static String demoManifest(int web, int maxInFlight, int diskMb) {
    return manifest(maxInFlight, web(web) + counter(diskMb));
  }

  /** The demo deployment with these instance groups, max_in_flight 2. */
  public static String manifest(String instanceGroups) {
    return manifest(2, instanceGroups);
  }

  private static String manifest(int maxInFlight, String instanceGroups) {
    return manifest(maxInFlight, "1000-60000", instanceGroups);
  }

  /** The demo deployment with these instance groups, whose updates watch for {@code watchTime} ms (e.g. "1000-5000"). */
  public static String manifest(int maxInFlight, String watchTime, String instanceGroups) {
    return """
        name: demo
        releases: [{name: demo, version: latest}]
        stemcells: [{alias: default, os: lazarus-local, version: latest}]
        update: {canaries: 1, max_in_flight: %d, canary_watch_time: %s, update_watch_time: %s}
        instance_groups:
        """.formatted(maxInFlight, watchTime, watchTime) + instanceGroups;
  }

  /** A {@code web} group of {@code count} instances, serving their names on 8080. */
  public static String web(int count) {
    return """
        - name: web
          instances: %d
          azs: [z1]
          vm_type: default
          stemcell: default
          networks: [{name: default}]
          jobs: [{name: web, release: demo, properties: {port: 8080}}]
        """.formatted(count);
  }

  /** One {@code counter} instance keeping its count on a persistent disk of {@code diskMb}, serving on 8081. */
  public static String counter(int diskMb) {
    return """
        - name: counter
          instances: 1
          azs: [z1]
          vm_type: default
          stemcell: default
          persistent_disk: %d
          networks: [{name: default}]
          jobs: [{name: counter, release: demo}]
        """.formatted(diskMb);
  }

  /** {@code deploy} of {@code manifest} (written to a file) with {@code flags}; the caller checks the result. */
  public CliRun.Result deploy(String manifest, String... flags) throws IOException {
    Path file = Files.writeString(Files.createTempFile(dir, "manifest", ".yml"), manifest);
    String[] args = Arrays.copyOf(new String[] {"-n", "deploy"}, flags.length + 3);
    System.arraycopy(flags, 0, args, 2, flags.length);
    args[args.length - 1] = file.toString();
    return cli.run(args);
  }

  /** Runs the CLI; fails the test unless it exits 0. */
  public CliRun.Result ok(String... args) {
    return ok(cli.run(args));
  }

  private static CliRun.Result ok(CliRun.Result result) {
    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    return result;
  }

  /** Stops the Director and starts it again from its config (its VMs keep running meanwhile). */
  public void restartDirector() throws IOException {
    restartDirector("");
  }

  /** As {@link #restartDirector()}, with {@code yaml} (top-level keys) added to its config first. */
  public void restartDirector(String yaml) throws IOException {
    director.close();
    Files.writeString(config, Files.readString(config) + yaml);
    director = Director.start(DirectorConfig.load(config));
  }

  public CliRun cli() {
    return cli;
  }

  public Director director() {
    return director;
  }

  public LocalCloud cloud() {
    return new LocalCloud(dir.resolve("store/local-cloud"));
  }

  public String subnet() {
    return subnet;
  }

  /** The demo deployment's instances of {@code group}, by index, as the Director records them. */
  public List<Instance> instances(String group) {
    var services = director.services();
    long deploymentId = services.deployments().find(DEPLOYMENT).orElseThrow().id();
    return services.instances().list(deploymentId).stream().filter(instance -> instance.group().equals(group)).toList();
  }

  public Optional<Vm> vm(Instance instance) {
    return director.services().vms().activeFor(instance.id());
  }

  /** The instance's address (its only network's IP). */
  public String ip(Instance instance) {
    return director.services().ipAddresses().forInstance(instance.id()).getFirst().address();
  }

  /** The cid of the instance's active persistent disk. */
  public String diskCid(Instance instance) {
    return director.services().persistentDisks().forInstance(instance.id()).stream().filter(PersistentDisk::active).findFirst().orElseThrow().cid();
  }

  /** GET (or POST) http://ip:port/ on a VM: the body of a 200, empty when nothing answers so. */
  public static Optional<String> http(String method, String ip, int port) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + ip + ":" + port + "/")).timeout(Duration.ofSeconds(3)).method(method, HttpRequest.BodyPublishers.noBody()).build();
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(response.body().strip()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
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
