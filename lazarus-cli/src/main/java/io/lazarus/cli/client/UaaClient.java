package io.lazarus.cli.client;

import io.lazarus.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * UAA's token endpoint ({@code <url>/oauth/token}, the {@code options.url} of the Director's {@code /info}) as the
 * bosh CLI uses it: client_credentials for a client and secret, and the password and refresh_token grants for a
 * user with UAA's default client {@code bosh_cli} (empty secret). The client authenticates with HTTP Basic.
 *
 * <p>Thread-safe.
 */
public final class UaaClient {
  static final Credentials CLI_CLIENT = new Credentials("bosh_cli", "");

  private final URI tokenEndpoint;
  private final HttpClient http;

  public UaaClient(URI url, SSLContext tls) {
    String base = url.toString().endsWith("/") ? url.toString() : url + "/";
    this.tokenEndpoint = URI.create(base).resolve("oauth/token");
    this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(30)).build();
  }

  public UaaTokens clientCredentials(Credentials client) {
    return token(client, Map.of("grant_type", "client_credentials"));
  }

  public UaaTokens password(String username, String password) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "password");
    form.put("username", username);
    form.put("password", password);
    return token(CLI_CLIENT, form);
  }

  UaaTokens refresh(String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    return token(CLI_CLIENT, form);
  }

  private UaaTokens token(Credentials client, Map<String, String> form) {
    String body = form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", client.header())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Requesting a " + form.get("grant_type") + " token from '" + tokenEndpoint + "'", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for UAA", e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException("UAA refused the " + form.get("grant_type") + " grant with status "
          + response.statusCode() + ": " + response.body());
    }
    Map<?, ?> answer = Json.read(response.body(), Map.class);
    Object refresh = answer.get("refresh_token");
    return new UaaTokens((String) answer.get("access_token"), refresh == null ? null : refresh.toString());
  }
}
