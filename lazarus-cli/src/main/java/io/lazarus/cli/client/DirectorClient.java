package io.lazarus.cli.client;

import io.lazarus.core.time.Sleeper;
import io.lazarus.cli.api.Task;
import io.lazarus.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Talks to one Director over HTTPS as the bosh CLI v7 does: the {@link Authorization} on every request when one is
 * set (renewed and the request repeated once after a 401), no automatic redirects (a task-creating call answers
 * {@code 302 Location: /tasks/N}, which is followed here against the configured host and port), connection
 * failures retried five times half a second apart, and any status outside 200/201/204/206/302 turned into a
 * {@link DirectorResponseException}.
 *
 * <p>Thread-safe.
 */
public final class DirectorClient {
  private static final Set<Integer> SUCCESS = Set.of(200, 201, 204, 206, 302);
  private static final int ATTEMPTS = 5;
  private static final Duration RETRY_DELAY = Duration.ofMillis(500);

  private final URI base;
  private final Authorization authorization;
  private final Sleeper sleeper;
  private final HttpClient http;

  /** @param authorization null for anonymous calls */
  public DirectorClient(URI base, SSLContext tls, Authorization authorization, Sleeper sleeper) {
    this.base = base;
    this.authorization = authorization;
    this.sleeper = sleeper;
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
    this.http = HttpClient.newBuilder()
        .sslContext(tls)
        .sslParameters(parameters)
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(30))
        .build();
  }

  public String get(String pathAndQuery) {
    return checked(send(request(pathAndQuery).GET(), BodyHandlers.ofString())).body();
  }

  public <T> T getJson(String pathAndQuery, Class<T> type) {
    return Json.read(get(pathAndQuery), type);
  }

  /** Sends {@code body} as JSON and reads the answer as {@code type}. */
  public <T> T sendJson(String method, String pathAndQuery, Object body, Class<T> type) {
    String answer = send(method, pathAndQuery, BodyPublishers.ofString(Json.write(body)), "application/json").body();
    return Json.read(answer, type);
  }

  public HttpResponse<String> send(String method, String pathAndQuery, BodyPublisher body, String contentType) {
    HttpRequest.Builder builder = request(pathAndQuery).method(method, body);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return checked(send(builder, BodyHandlers.ofString()));
  }

  /** Makes a task-creating call, follows its {@code 302} and returns the new task. */
  public Task sendForTask(String method, String pathAndQuery, BodyPublisher body, String contentType) {
    HttpResponse<String> response = send(method, pathAndQuery, body, contentType);
    if (response.statusCode() != 302) {
      throw new IllegalStateException("Director answered " + method + " " + pathAndQuery + " with status "
          + response.statusCode() + " instead of redirecting to a task");
    }
    String location = response.headers().firstValue("Location").orElseThrow(
        () -> new IllegalStateException("Director redirected " + method + " " + pathAndQuery + " without a Location"));
    return getJson(sameHost(location), Task.class);
  }

  /**
   * Reads task output from byte {@code offset} on with a {@code Range} request. The status is left to the caller:
   * 206 (new bytes), 416 or 204 (nothing new), 200 (a Director that ignored the range).
   */
  public HttpResponse<byte[]> taskOutput(long taskId, String type, long offset) {
    HttpRequest.Builder builder = request("/tasks/" + taskId + "/output?type=" + type).GET();
    if (offset > 0) {
      builder.header("Range", "bytes=" + offset + "-");
    }
    HttpResponse<byte[]> response = send(builder, BodyHandlers.ofByteArray());
    if (response.statusCode() == 416) {
      return response;
    }
    return checked(response);
  }

  /**
   * Streams what a GET answers (a log bundle of {@code GET /resources/<id>}) into {@code target}; on a failure status
   * the file is removed and the Director's answer is the error.
   */
  public void download(String pathAndQuery, Path target) {
    HttpResponse<Path> response = send(request(pathAndQuery).GET(), BodyHandlers.ofFile(target));
    if (SUCCESS.contains(response.statusCode())) {
      return;
    }
    String answer;
    try {
      answer = Files.readString(target);
      Files.deleteIfExists(target);
    } catch (IOException e) {
      answer = "(unreadable: " + e.getMessage() + ")";
    }
    throw new DirectorResponseException(response.statusCode(), answer);
  }

  /** Only the path and query of a redirect count: the bosh CLI keeps talking to the host it was given. */
  private static String sameHost(String location) {
    URI uri = URI.create(location);
    return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofMinutes(30));
  }

  private <T> HttpResponse<T> send(HttpRequest.Builder builder, BodyHandler<T> handler) {
    if (authorization == null) {
      return sendRetrying(builder.build(), handler);
    }
    HttpResponse<T> response =
        sendRetrying(builder.setHeader("Authorization", authorization.header()).build(), handler);
    if (response.statusCode() == 401 && authorization.refresh()) {
      return sendRetrying(builder.setHeader("Authorization", authorization.header()).build(), handler);
    }
    return response;
  }

  private <T> HttpResponse<T> sendRetrying(HttpRequest request, BodyHandler<T> handler) {
    for (int attempt = 1; ; attempt++) {
      try {
        return http.send(request, handler);
      } catch (ConnectException e) {
        if (attempt == ATTEMPTS) {
          throw failure(request, e);
        }
        pause();
      } catch (IOException e) {
        throw failure(request, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the Director", e);
      }
    }
  }

  private void pause() {
    try {
      sleeper.sleep(RETRY_DELAY);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to retry", e);
    }
  }

  private static UncheckedIOException failure(HttpRequest request, IOException cause) {
    String reason = cause.getClass().getSimpleName();
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        reason = t.getMessage();
        break;
      }
    }
    return new UncheckedIOException(
        "Performing request " + request.method() + " '" + request.uri() + "': " + reason, cause);
  }

  private static <T> HttpResponse<T> checked(HttpResponse<T> response) {
    if (!SUCCESS.contains(response.statusCode())) {
      Object body = response.body();
      String text = body instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
          : String.valueOf(body);
      throw new DirectorResponseException(response.statusCode(), text);
    }
    return response;
  }
}
