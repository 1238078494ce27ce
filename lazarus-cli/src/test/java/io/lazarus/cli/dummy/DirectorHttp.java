package io.lazarus.cli.dummy;

import io.lazarus.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The Director's REST API as an admin calls it: HTTPS trusting the Director's CA, Basic auth from env.json. */
final class DirectorHttp {
  private final HttpClient http;
  private final URI base;
  private final String authorization;

  private DirectorHttp(HttpClient http, URI base, String authorization) {
    this.http = http;
    this.base = base;
    this.authorization = authorization;
  }

  /** A client for the Director whose {@code env.json} is {@code envFile}. */
  static DirectorHttp fromEnvFile(Path envFile) throws Exception {
    Map<?, ?> env = Json.read(Files.readString(envFile), Map.class);
    String credentials = env.get("client") + ":" + env.get("client_secret");
    HttpClient http = HttpClient.newBuilder().sslContext(trusting(Path.of(env.get("ca_cert").toString()))).build();
    return new DirectorHttp(http, URI.create(env.get("url").toString()), "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
    return http.send(request(path).header("Content-Type", contentType).POST(body).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a task-creating request and returns the task id from the 302's Location. */
  long startTask(String path, String contentType, HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
    HttpResponse<String> response = post(path, contentType, body);
    return taskId(response);
  }

  static long taskId(HttpResponse<String> redirect) {
    String location = redirect.headers().firstValue("Location")
        .orElseThrow(() -> new AssertionError("expected a task redirect, got " + redirect.statusCode() + ": " + redirect.body()));
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  Map<?, ?> task(long id) throws IOException, InterruptedException {
    return Json.read(get("/tasks/" + id).body(), Map.class);
  }

  /** The result output of a task, one JSON object per line. */
  List<Map<?, ?>> resultLines(long id) throws IOException, InterruptedException {
    return get("/tasks/" + id + "/output?type=result").body().lines().filter(line -> !line.isBlank()).<Map<?, ?>>map(line -> Json.read(line, Map.class)).toList();
  }

  static HttpRequest.BodyPublisher resource(String name) throws IOException {
    try (InputStream in = DirectorHttp.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("no " + name + " on the test classpath (the lazarus-release module builds it)");
      }
      return HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes());
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).header("Authorization", authorization);
  }

  private static SSLContext trusting(Path caFile) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    int i = 0;
    try (InputStream in = Files.newInputStream(caFile)) {
      for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trust.setCertificateEntry("ca" + i++, certificate);
      }
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}
