package io.lazarus.agent.transport.https;

import io.lazarus.agent.blobstore.LazyHttpClient;
import io.lazarus.agent.settings.Settings.HeartbeatSettings;
import io.lazarus.agent.transport.Alert;
import io.lazarus.agent.transport.Heartbeat;
import io.lazarus.agent.transport.HeartbeatSender;
import io.lazarus.agent.transport.HeartbeatJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts heartbeats, alerts and the shutdown notice to {@code <url>/agents/<agent id>/{heartbeat,alert,shutdown}}
 * with Basic auth over TLS trusted through the settings' CA. Each send is tried up to {@code attempts} times; a
 * run of failures is logged once, when it starts, and once more when sends work again. Thread-safe.
 */
public final class HttpsHeartbeatSender implements HeartbeatSender {
  private static final Logger log = LoggerFactory.getLogger(HttpsHeartbeatSender.class);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private final LazyHttpClient client;
  private final URI base;
  private final String authorization;
  private final int attempts;
  private final Duration retryDelay;
  private final AtomicBoolean failing = new AtomicBoolean();

  public HttpsHeartbeatSender(HeartbeatSettings settings, String agentId, int attempts, Duration retryDelay) {
    this.client = new LazyHttpClient(settings.ca().orElse(""), "heartbeat.ca");
    String url = settings.url().toString();
    this.base = URI.create((url.endsWith("/") ? url : url + "/") + "agents/" + agentId + "/");
    this.authorization = "Basic " + BasicAuth.encode(settings.user(), settings.password());
    this.attempts = attempts;
    this.retryDelay = retryDelay;
  }

  @Override
  public boolean heartbeat(Heartbeat heartbeat) {
    return post("heartbeat", HeartbeatJson.write(heartbeat));
  }

  @Override
  public boolean alert(Alert alert) {
    return post("alert", HeartbeatJson.write(alert));
  }

  @Override
  public boolean shutdown() {
    return post("shutdown", "{}");
  }

  private boolean post(String kind, String body) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(kind))
        .timeout(REQUEST_TIMEOUT)
        .header("Authorization", authorization)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    String problem = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        int status = client.get().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 == 2) {
          if (failing.compareAndSet(true, false)) {
            log.info("{} to {} delivered again", kind, base);
          }
          return true;
        }
        problem = "answered " + status;
      } catch (IOException e) {
        problem = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      if (attempt < attempts && !pause()) {
        return false;
      }
    }
    if (failing.compareAndSet(false, true)) {
      log.warn("{} to {} failed after {} attempt(s): {}; further failures are not logged until one succeeds", kind, base, attempts, problem);
    }
    return false;
  }

  private boolean pause() {
    try {
      Thread.sleep(retryDelay);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
