package io.lazarus.agent.transport.https;

import io.lazarus.agent.settings.Settings.HeartbeatSettings;
import io.lazarus.agent.transport.Alert;
import io.lazarus.agent.transport.Heartbeat;
import io.lazarus.agent.transport.HeartbeatJson;
import io.lazarus.agent.transport.HeartbeatSender;
import io.lazarus.core.tls.TlsContexts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts heartbeats, alerts and the shutdown notice to {@code <url>/agents/<agent id>/{heartbeat,alert,shutdown}}
 * with Basic auth over TLS trusted through the settings' CA. Each send is tried up to {@code attempts} times; a
 * run of failures is logged once, when it starts, and once more when sends work again. Thread-safe.
 */
public final class HttpsHeartbeatSender implements HeartbeatSender {
  private static final Logger log = LoggerFactory.getLogger(HttpsHeartbeatSender.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final String ca;
  private SSLSocketFactory socketFactory;
  private final URI base;
  private final String authorization;
  private final int attempts;
  private final Duration retryDelay;
  private final AtomicBoolean failing = new AtomicBoolean();

  public HttpsHeartbeatSender(HeartbeatSettings settings, String agentId, int attempts, Duration retryDelay) {
    this.ca = settings.ca().orElse("");
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
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String problem = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        int status = send(base.resolve(kind).toURL(), bytes);
        if (status / 100 == 2) {
          if (failing.compareAndSet(true, false)) {
            log.info("{} to {} delivered again", kind, base);
          }
          return true;
        }
        problem = "answered " + status;
      } catch (IOException | RuntimeException e) {
        problem = e.toString();
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

  /**
   * One POST over the JDK's URL connection: it keeps the connection alive between beats and, unlike the JDK
   * HttpClient, needs no selector thread or extra classes in an agent that mostly idles.
   */
  private int send(URL url, byte[] body) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
    if (connection instanceof HttpsURLConnection https) {
      https.setSSLSocketFactory(socketFactory());
    }
    connection.setConnectTimeout((int) TIMEOUT.toMillis());
    connection.setReadTimeout((int) TIMEOUT.toMillis());
    connection.setRequestMethod("POST");
    connection.setRequestProperty("Authorization", authorization);
    connection.setRequestProperty("Content-Type", "application/json");
    connection.setDoOutput(true);
    connection.setFixedLengthStreamingMode(body.length);
    try (OutputStream out = connection.getOutputStream()) {
      out.write(body);
    }
    int status = connection.getResponseCode();
    // Reading the answer to its end lets the connection be reused for the next beat.
    try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
      if (in != null) {
        in.readAllBytes();
      }
    }
    return status;
  }

  private synchronized SSLSocketFactory socketFactory() {
    if (socketFactory == null) {
      // Only TLS 1.2 and 1.3: the JDK's defaults already disable older protocols for clients.
      socketFactory = ca.isBlank() ? (SSLSocketFactory) SSLSocketFactory.getDefault() : TlsContexts.trusting(ca, "heartbeat.ca").getSocketFactory();
      // Every new HttpsURLConnection first takes the JVM-wide default factory, whose making loads the JDK's whole
      // cacerts store (a megabyte of heap the agent never uses); the agent is that default's only user.
      HttpsURLConnection.setDefaultSSLSocketFactory(socketFactory);
    }
    return socketFactory;
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
    // connections are pooled by the JDK and closed when idle
  }
}
