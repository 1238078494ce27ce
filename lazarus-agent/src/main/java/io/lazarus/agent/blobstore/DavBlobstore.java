package io.lazarus.agent.blobstore;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;

/**
 * The Director's DAV-style blobstore: {@code GET/PUT <endpoint>/<id>} with Basic auth, over TLS trusted through
 * the settings' CA (docs/internals/vms.md). Thread-safe.
 */
public final class DavBlobstore implements Blobstore {
  private static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(30);

  private final LazyHttpClient client;
  private final String endpoint;
  private final String authorization;

  public DavBlobstore(LazyHttpClient client, String endpoint, String user, String password) {
    this.client = client;
    this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    this.authorization = user == null
        ? null
        : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void get(String id, Path target) throws IOException, InterruptedException {
    Path partial = target.resolveSibling(target.getFileName() + ".part");
    HttpResponse<Path> response = client.get().send(request(id).GET().build(), HttpResponse.BodyHandlers.ofFile(partial));
    if (response.statusCode() != 200) {
      Files.deleteIfExists(partial);
      throw new BlobstoreException("blobstore: GET " + uri(id) + " answered " + response.statusCode());
    }
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public void put(String id, Path file) throws IOException, InterruptedException {
    HttpResponse<String> response = client.get().send(
        request(id).PUT(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new BlobstoreException("blobstore: PUT " + uri(id) + " answered " + response.statusCode());
    }
  }

  @Override
  public void close() {
    client.close();
  }

  private HttpRequest.Builder request(String id) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(id)).timeout(TRANSFER_TIMEOUT);
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private URI uri(String id) {
    if (!BlobIds.valid(id)) {
      throw new IllegalArgumentException("blob id '" + id + "' has characters a blob id cannot have");
    }
    return URI.create(endpoint + "/" + id);
  }
}
