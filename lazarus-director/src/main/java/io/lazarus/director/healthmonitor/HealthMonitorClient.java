package io.lazarus.director.healthmonitor;

import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks the Health Monitor's HTTP API ({@code health_monitor.api_url}) on behalf of a Director user. Whatever keeps
 * the answer from coming (no URL configured, nothing listening, too slow, an error status) is a 503 whose
 * description says so. The HTTP client is made on first use: a Director nobody asks keeps no selector thread.
 * Thread-safe.
 */
public final class HealthMonitorClient {
  static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final int MAX_QUOTED_BODY = 200;

  private final Optional<URI> api;
  private HttpClient http;

  public HealthMonitorClient(Optional<URI> api) {
    this.api = api;
  }

  /** The JSON of {@code GET /decisions?deployment=<deployment>}, as the HM wrote it. */
  public String decisions(String deployment) {
    URI base = api.orElseThrow(() -> unavailable("no Health Monitor configured (health_monitor.api_url in director.yml)"));
    URI uri = URI.create(base + "/decisions?deployment=" + URLEncoder.encode(deployment, StandardCharsets.UTF_8));
    HttpResponse<String> response;
    try {
      response = client().send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw notAnswering(base, "no answer within " + TIMEOUT.toSeconds() + " s");
    } catch (IOException e) {
      throw notAnswering(base, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw notAnswering(base, "interrupted");
    }
    if (response.statusCode() != 200) {
      String body = response.body().strip();
      throw unavailable("the Health Monitor at " + base + " answered " + response.statusCode() + ": "
          + (body.length() > MAX_QUOTED_BODY ? body.substring(0, MAX_QUOTED_BODY) + "..." : body));
    }
    return response.body();
  }

  private synchronized HttpClient client() {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }
    return http;
  }

  private static DirectorException notAnswering(URI base, String reason) {
    return unavailable("the Health Monitor at " + base + " does not answer: " + reason);
  }

  private static DirectorException unavailable(String description) {
    return new DirectorException(ErrorCode.HEALTH_MONITOR_UNAVAILABLE, description);
  }
}
