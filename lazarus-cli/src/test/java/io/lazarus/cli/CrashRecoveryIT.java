package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lazarus.cli.client.TlsContexts;
import io.lazarus.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar's {@code lazarus director} as a real child process, killed with SIGKILL while a task is
 * processing: the next start on the same store ends that task as "director restarted", holds no locks, and
 * takes new uploads.
 */
class CrashRecoveryIT {
  private static final Pattern LISTENING = Pattern.compile("Director listening on (https://\\S+)");
  private static final String PASSWORD = "crash-secret";
  /** Unpacking these keeps the import processing for about three seconds. */
  private static final int SOURCE_FILES = 25_000;

  @TempDir
  Path dir;

  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void killDirectors() throws InterruptedException {
    for (Process process : processes) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aTaskCutOffByKillMinus9EndsAsDirectorRestartedAndTheDirectorWorksOn() throws Exception {
    Path store = dir.resolve("store");
    Path config = Files.writeString(dir.resolve("director.yml"), """
        name: crash-test
        address: 127.0.0.1
        port: 0
        store: %s
        user_management:
          provider: local
          local:
            users:
            - {name: admin, password: %s}
        """.formatted(store, PASSWORD));
    Path big = new ReleaseFiles(dir, "big").pkgOfManyFiles("sources", SOURCE_FILES).write("1");
    Path small = new ReleaseFiles(dir, "small").pkg("app", "app v1").write("1");

    Process first = start(config, "first");
    URI url = listeningUrl(first, "first");
    HttpClient http = client();
    long taskId = uploadForTask(http, url, big);
    String seen = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
        .until(() -> task(http, url, taskId).get("state").toString(), state -> !state.equals("queued"));
    assertThat(seen).as("the import must still run when the Director is killed").isEqualTo("processing");
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

    Process second = start(config, "second");
    URI restarted = listeningUrl(second, "second");

    assertThat(task(http, restarted, taskId))
        .containsEntry("state", "error").containsEntry("result", "director restarted");
    assertThat(send(http, HttpRequest.newBuilder(restarted.resolve("/locks")).GET()).body()).isEqualTo("[]");
    CliRun.Result upload = new CliRun(Files.createDirectory(dir.resolve("home")))
        .variable("BOSH_ENVIRONMENT", restarted.toString())
        .variable("BOSH_CA_CERT", caPem())
        .variable("BOSH_CLIENT", "admin")
        .variable("BOSH_CLIENT_SECRET", PASSWORD)
        .run("upload-release", small.toString());
    assertThat(upload.exitCode()).as(upload.out() + upload.err()).isZero();
  }

  private Process start(Path config, String name) throws IOException {
    Path jar = Path.of("target", "lazarus-cli.jar");
    assertThat(jar).as("the shaded jar is built in the package phase").exists();
    Process process = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:+UseSerialGC",
            "-jar", jar.toString(), "director", "--config", config.toString())
        .redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".err").toFile())
        .start();
    processes.add(process);
    return process;
  }

  /** Waits for the line the Director prints once it serves HTTPS (port 0: each start gets a new port). */
  private URI listeningUrl(Process process, String name) {
    Path out = dir.resolve(name + ".out");
    String url = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
      assertThat(process.isAlive()).as("director '%s' exited; stderr: %s", name, Files.readString(dir.resolve(name + ".err"))).isTrue();
      Matcher matcher = LISTENING.matcher(Files.readString(out));
      return matcher.find() ? matcher.group(1) : null;
    }, found -> found != null);
    return URI.create(url);
  }

  private long uploadForTask(HttpClient http, URI url, Path tarball) throws Exception {
    HttpResponse<String> response = send(http, HttpRequest.newBuilder(url.resolve("/releases"))
        .header("Content-Type", "application/x-compressed")
        .POST(HttpRequest.BodyPublishers.ofFile(tarball)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    String location = response.headers().firstValue("Location").orElseThrow();
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> task(HttpClient http, URI url, long id) throws Exception {
    return (Map<String, Object>) Json.read(send(http, HttpRequest.newBuilder(url.resolve("/tasks/" + id)).GET()).body(), Map.class);
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
    String basic = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    return http.send(request.header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Trusts the store's CA, which both starts share; read lazily since the first start creates it. */
  private HttpClient client() throws IOException {
    return HttpClient.newBuilder().sslContext(TlsContexts.trusting(caPem()))
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  private String caPem() throws IOException {
    Map<?, ?> env = Json.read(Files.readString(dir.resolve("store/director/env.json")), Map.class);
    return Files.readString(Path.of(env.get("ca_cert").toString()));
  }
}
