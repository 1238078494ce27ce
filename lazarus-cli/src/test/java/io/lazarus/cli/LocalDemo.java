package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.core.json.Json;
import io.lazarus.core.time.Sleeper;
import io.lazarus.cpi.local.LocalCloud;
import io.lazarus.director.DevSetup;
import io.lazarus.director.Director;
import io.lazarus.director.DirectorConfig;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.Vm;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Director in this JVM with the local cloud on {@code 127.66.0.0/24} (used by no other test), the local
 * stemcell and demo release uploaded, and a deployment {@code demo} made from a small manifest, all driven through
 * the CLI as an operator would. The CLI sleeps for real between task polls here, so it does not spin while VMs
 * boot. IMPORTANT: close it; that stops the Director and every VM of its cloud.
 */
final class LocalDemo implements AutoCloseable {
  static final String DEPLOYMENT = "demo";

  private static final String CLOUD_CONFIG = """
      azs:
      - name: z1
      vm_types:
      - name: default
      networks:
      - name: default
        type: manual
        subnets:
        - range: 127.66.0.0/24
          gateway: 127.66.0.1
          reserved: [127.66.0.2 - 127.66.0.9]
          az: z1
      compilation:
        workers: 1
        network: default
        az: z1
        reuse_compilation_vms: true
        vm_type: default
      """;

  private final Path dir;
  private final Director director;
  private final Map<String, String> variables = new HashMap<>();

  private LocalDemo(Path dir, Director director, Map<?, ?> env) {
    this.dir = dir;
    this.director = director;
    variables.put("LAZARUS_CONFIG", dir.resolve("cli-config").toString());
    variables.put("BOSH_ENVIRONMENT", director.url().toString());
    variables.put("BOSH_CA_CERT", env.get("ca_cert").toString());
    variables.put("BOSH_CLIENT", env.get("client").toString());
    variables.put("BOSH_CLIENT_SECRET", env.get("client_secret").toString());
    variables.put("BOSH_DEPLOYMENT", DEPLOYMENT);
  }

  /** Starts the Director and deploys {@code instanceGroups} (YAML list items under {@code instance_groups:}). */
  static LocalDemo deploy(Path dir, String instanceGroups) throws Exception {
    Director director = Director.start(DirectorConfig.load(DevSetup.writeDevConfig(dir.resolve("store"), "127.0.0.1", 0)));
    LocalDemo demo = new LocalDemo(dir, director, Json.read(Files.readString(director.envFile()), Map.class));
    try {
      demo.succeeds("upload-stemcell", demo.artifact("lazarus-local-stemcell.tgz").toString());
      demo.succeeds("upload-release", demo.artifact("demo-release.tgz").toString());
      demo.succeeds("-n", "update-cloud-config", Files.writeString(dir.resolve("cloud-config.yml"), CLOUD_CONFIG).toString());
      demo.succeeds("-n", "deploy", Files.writeString(dir.resolve("demo.yml"), manifest(instanceGroups)).toString());
      return demo;
    } catch (Exception | AssertionError e) {
      demo.close();
      throw e;
    }
  }

  private static String manifest(String instanceGroups) {
    return """
        name: demo
        releases:
        - {name: demo, version: latest}
        stemcells:
        - {alias: default, os: lazarus-local, version: latest}
        update:
          canaries: 1
          max_in_flight: 2
          canary_watch_time: 1000-60000
          update_watch_time: 1000-60000
        instance_groups:
        """ + instanceGroups;
  }

  /** A web group of {@code count} instances, serving on 8080. */
  static String web(int count) {
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

  /** A counter instance keeping its count on a persistent disk, serving on 8081. */
  static String counter() {
    return """
        - name: counter
          instances: 1
          azs: [z1]
          vm_type: default
          stemcell: default
          persistent_disk: 1024
          networks: [{name: default}]
          jobs: [{name: counter, release: demo}]
        """;
  }

  /** Runs the CLI; fails the test unless it exits 0. */
  CliRun.Result succeeds(String... args) {
    CliRun.Result result = run(args);
    assertThat(result.exitCode()).as("lazarus %s\n%s\n%s", String.join(" ", args), result.out(), result.err()).isZero();
    return result;
  }

  CliRun.Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliEnvironment environment = new CliEnvironment(
        new BufferedReader(new StringReader("")),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.copyOf(variables),
        dir,
        Clock.systemUTC(),
        Sleeper.system(),
        null,
        false);
    int code = Cli.run(args, environment);
    return new CliRun.Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Director director() {
    return director;
  }

  /** The deployment's instances of {@code group}, by index, as the Director records them. */
  List<Instance> instances(String group) {
    var services = director.services();
    long deploymentId = services.deployments().find(DEPLOYMENT).orElseThrow().id();
    return services.instances().list(deploymentId).stream().filter(instance -> instance.group().equals(group)).toList();
  }

  Optional<Vm> vm(Instance instance) {
    return director.services().vms().activeFor(instance.id());
  }

  /** The instance's address (its only network's IP). */
  String ip(Instance instance) {
    return director.services().ipAddresses().forInstance(instance.id()).getFirst().address();
  }

  /** An HTTP request to a demo server; an unreachable server is an empty answer. */
  static Optional<String> http(String method, String url) {
    try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).method(method, HttpRequest.BodyPublishers.noBody()).build();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(response.body().strip()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private Path artifact(String name) throws IOException {
    Path target = dir.resolve(name);
    try (InputStream in = LocalDemo.class.getResourceAsStream("/artifacts/" + name)) {
      assertThat(in).as("classpath resource /artifacts/" + name + " (built by lazarus-release)").isNotNull();
      Files.copy(in, target);
    }
    return target;
  }

  @Override
  public void close() throws IOException {
    try {
      director.close();
    } finally {
      new LocalCloud(dir.resolve("store").resolve("local-cloud")).stopAll();
    }
  }
}
