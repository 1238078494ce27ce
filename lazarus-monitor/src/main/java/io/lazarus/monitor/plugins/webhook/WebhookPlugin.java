package io.lazarus.monitor.plugins.webhook;

import io.lazarus.core.json.Json;
import io.lazarus.monitor.events.Alert;
import io.lazarus.monitor.plugins.Plugin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs each alert's JSON ({@link Alert#toJson()}) to a URL. A failed delivery (no answer, or not 2xx) is tried
 * again from {@link #tick} after {@code backoff}, doubling each time, until {@code attempts} tries were made; then
 * it is logged and dropped. Retries wait in a list rather than a sleeping thread, so one dead receiver does not
 * hold up the alerts behind it.
 */
public final class WebhookPlugin implements Plugin {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookPlugin.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI url;
  private final HttpClient http;
  private final Clock clock;
  private final int attempts;
  private final Duration backoff;
  private final List<Delivery> waiting = new ArrayList<>();

  /** An alert not yet delivered: how many tries it had and when the next one is due. */
  private record Delivery(Alert alert, int tries, Instant nextAt) {}

  WebhookPlugin(URI url, HttpClient http, Clock clock, int attempts, Duration backoff) {
    this.url = url;
    this.http = http;
    this.clock = clock;
    this.attempts = attempts;
    this.backoff = backoff;
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public void onAlert(Alert alert) {
    attempt(alert, 1);
  }

  @Override
  public void tick(Instant now) {
    List<Delivery> due = new ArrayList<>();
    for (Iterator<Delivery> it = waiting.iterator(); it.hasNext(); ) {
      Delivery delivery = it.next();
      if (!delivery.nextAt().isAfter(now)) {
        due.add(delivery);
        it.remove();
      }
    }
    due.forEach(d -> attempt(d.alert(), d.tries() + 1));
  }

  private void attempt(Alert alert, int tryNumber) {
    String failure = post(alert);
    if (failure == null) {
      return;
    }
    if (tryNumber >= attempts) {
      LOG.error("webhook {}: giving up on alert {} after {} tries: {}", url, alert.id(), tryNumber, failure);
      return;
    }
    Duration wait = backoff.multipliedBy(1L << Math.min(tryNumber - 1, 20));
    LOG.warn("webhook {}: alert {} try {} failed ({}); next try in {} s", url, alert.id(), tryNumber, failure, wait.toSeconds());
    waiting.add(new Delivery(alert, tryNumber, clock.instant().plus(wait)));
  }

  /** Null when delivered, else what went wrong. */
  private String post(Alert alert) {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(alert.toJson()))).build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / 100 == 2 ? null : "HTTP " + status;
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  @Override
  public void close() {
    if (!waiting.isEmpty()) {
      LOG.warn("webhook {}: {} alerts not delivered at shutdown", url, waiting.size());
    }
    http.close();
  }
}
