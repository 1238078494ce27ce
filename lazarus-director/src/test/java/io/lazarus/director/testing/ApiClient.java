package io.lazarus.director.testing;

import io.lazarus.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import tools.jackson.core.type.TypeReference;

/**
 * A test's view of the Director API, speaking HTTPS like the bosh CLI: trusts only the Director's CA, sends Basic
 * or Bearer credentials, never follows redirects (task-creating calls answer 302).
 */
public final class ApiClient {
  private final URI base;
  private final HttpClient http;
  private final String authorization;

  private ApiClient(URI base, HttpClient http, String authorization) {
    this.base = base;
    this.http = http;
    this.authorization = authorization;
  }

  public static ApiClient create(URI base, Path caFile) {
    return new ApiClient(base, HttpClient.newBuilder().sslContext(trusting(caFile)).followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build(), null);
  }

  public ApiClient basic(String user, String password) {
    return new ApiClient(base, http, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  public ApiClient bearer(String token) {
    return new ApiClient(base, http, "Bearer " + token);
  }

  public ApiClient anonymous() {
    return new ApiClient(base, http, null);
  }

  public HttpResponse<String> get(String path, String... headers) {
    return send(request(path, headers).GET());
  }

  public HttpResponse<String> post(String path, String contentType, String body) {
    return send(request(path, "Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> postFile(String path, String contentType, Path file) {
    try {
      return send(request(path, "Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofFile(file)));
    } catch (java.io.FileNotFoundException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public HttpResponse<String> postBytes(String path, String contentType, byte[] body) {
    return send(request(path, "Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
  }

  public HttpResponse<String> put(String path, String contentType, String body) {
    return send(request(path, "Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> delete(String path) {
    return send(request(path).DELETE());
  }

  public Map<String, Object> jsonObject(HttpResponse<String> response) {
    return Json.mapper().readValue(response.body(), new TypeReference<Map<String, Object>>() {});
  }

  public List<Map<String, Object>> jsonArray(HttpResponse<String> response) {
    return Json.mapper().readValue(response.body(), new TypeReference<List<Map<String, Object>>>() {});
  }

  /** The task id of a 302 task redirect. */
  public static long taskId(HttpResponse<String> redirect) {
    String location = redirect.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location in " + redirect.statusCode() + " " + redirect.body()));
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder builder) {
    try {
      return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An SSL context that trusts exactly the certificates in {@code caFile}. */
  public static SSLContext trusting(Path caFile) {
    try {
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
    } catch (Exception e) {
      throw new IllegalStateException("cannot trust " + caFile, e);
    }
  }
}
