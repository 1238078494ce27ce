package io.lazarus.cpi.dummy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * The Director's DAV blobstore as an agent reaches it ({@code blobstores[0]} of its settings): {@code PUT} and
 * {@code GET <endpoint>/<id>} with Basic auth, over TLS trusted through the given CA. Thread-safe.
 */
final class DavBlobs {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient client;
  private final String endpoint;
  private final String authorization;

  DavBlobs(HttpClient client, String endpoint, String user, String password) {
    this.client = client;
    this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Options of a {@code dav} blobstore ({@code endpoint}, {@code user}, {@code password}), with a client for it. */
  static DavBlobs of(Map<?, ?> options, HttpClient client) {
    Object endpoint = options.get("endpoint");
    if (!(endpoint instanceof String text) || text.isBlank()) {
      throw new AgentFailure("blobstore: settings blobstores[0].options has no 'endpoint'");
    }
    return new DavBlobs(client, text, String.valueOf(options.get("user")), String.valueOf(options.get("password")));
  }

  /** Uploads {@code content} under a new id and returns the id. */
  String put(byte[] content) throws IOException, InterruptedException {
    String id = UUID.randomUUID().toString();
    HttpResponse<Void> response = client.send(request(id).PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() / 100 != 2) {
      throw new AgentFailure("blobstore: PUT " + uri(id) + " answered " + response.statusCode());
    }
    return id;
  }

  /** Whether the blob exists: a {@code GET} whose body is dropped (the Director's blob routes answer no HEAD). */
  boolean exists(String id) throws IOException, InterruptedException {
    HttpResponse<Void> response = client.send(request(id).GET().build(), HttpResponse.BodyHandlers.discarding());
    return response.statusCode() == 200;
  }

  private HttpRequest.Builder request(String id) {
    return HttpRequest.newBuilder(uri(id)).timeout(TIMEOUT).header("Authorization", authorization);
  }

  private URI uri(String id) {
    return URI.create(endpoint + "/" + id);
  }
}
