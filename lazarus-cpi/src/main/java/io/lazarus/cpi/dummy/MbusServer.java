package io.lazarus.cpi.dummy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * One VM's HTTPS mbus, as the real agent serves it: {@code POST /agent} with the VM's Basic credentials (401
 * otherwise), envelopes up to 2 MiB (413 beyond), TLS 1.2+ with the VM's certificate. One JDK server per VM IP,
 * because a server binds one address and presents one certificate; the exchanges of every VM run on the CPI's
 * shared virtual-thread executor, so a VM costs one dispatcher thread and one listening socket. Thread-safe.
 */
final class MbusServer {
  private static final int MAX_ENVELOPE_BYTES = 2 * 1024 * 1024;
  private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private final InetSocketAddress address;
  private final SSLContext tls;
  private final byte[] expectedAuthorization;
  private final ExecutorService executor;
  private final RequestHold hold = new RequestHold();
  private HttpsServer server;

  MbusServer(InetSocketAddress address, SSLContext tls, String user, String password, ExecutorService executor) {
    this.address = address;
    this.tls = tls;
    this.expectedAuthorization = sha256("Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    this.executor = executor;
  }

  /** Starts answering with {@code handler} (request body in, reply body out); a started server is left as it is. */
  synchronized void start(UnaryOperator<String> handler) throws IOException {
    if (server != null) {
      return;
    }
    HttpsServer created = HttpsServer.create(address, 128);
    created.setHttpsConfigurator(new HttpsConfigurator(tls) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters parameters = tls.getDefaultSSLParameters();
        parameters.setProtocols(PROTOCOLS);
        params.setSSLParameters(parameters);
      }
    });
    created.setExecutor(executor);
    created.createContext("/", exchange -> serve(exchange, handler));
    created.start();
    server = created;
  }

  /** Stops answering: new connections are refused, as from a VM whose agent died; held requests are dropped. */
  synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
    hold.dropHeld();
  }

  /** Keeps accepting requests but answers none until {@link #resume()}: callers wait for their own timeouts. */
  void pause() {
    hold.pause();
  }

  /** Answers the held requests and every new one again. */
  void resume() {
    hold.resume();
  }

  synchronized boolean listening() {
    return server != null;
  }

  private void serve(HttpExchange exchange, UnaryOperator<String> handler) throws IOException {
    try (exchange) {
      if (!awaitAnswering()) {
        return; // dropped while paused: closing the exchange closes the connection unanswered
      }
      if (!MessageDigest.isEqual(expectedAuthorization, sha256(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")).trim()))) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"agent\"");
        respond(exchange, 401, "unauthorized");
      } else if (!exchange.getRequestURI().getPath().equals("/agent")) {
        respond(exchange, 404, "not found");
      } else if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        respond(exchange, 405, "use POST");
      } else {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
          body = in.readNBytes(MAX_ENVELOPE_BYTES + 1);
        }
        if (body.length > MAX_ENVELOPE_BYTES) {
          respond(exchange, 413, "request envelope larger than " + MAX_ENVELOPE_BYTES + " bytes");
          return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        respond(exchange, 200, handler.apply(new String(body, StandardCharsets.UTF_8)));
      }
    }
  }

  private boolean awaitAnswering() {
    try {
      return hold.awaitAnswering();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the CPI is closing
      return false;
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Both sides hashed first, so the comparison takes the same time whatever the guess, its length included. */
  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks SHA-256", e);
    }
  }
}
