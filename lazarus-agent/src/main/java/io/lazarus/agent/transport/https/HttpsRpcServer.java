package io.lazarus.agent.transport.https;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.lazarus.agent.blobstore.BlobIds;
import io.lazarus.agent.blobstore.LocalBlobstore;
import io.lazarus.agent.transport.RequestHandler;
import io.lazarus.agent.transport.RpcServer;
import io.lazarus.core.tls.TlsContexts;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BOSH's HTTPS mbus (create-env's transport) on the JDK's own HTTPS server, to keep the agent small:
 * {@code POST /agent} carries request envelopes, {@code PUT/GET /blobs/<id>} is the agent's own blob store. Every
 * request needs the mbus URL's Basic credentials (401 otherwise); TLS 1.2+ only; one virtual thread per exchange.
 * IMPORTANT: must be closed.
 */
public final class HttpsRpcServer implements RpcServer {
  private static final Logger log = LoggerFactory.getLogger(HttpsRpcServer.class);
  // Envelopes are small (BOSH caps NATS messages at 1 MiB); the bound keeps one request from filling a 24 MB heap.
  private static final int MAX_ENVELOPE_BYTES = 2 * 1024 * 1024;

  private enum State { LATENT, STARTED, CLOSED }

  private final InetSocketAddress address;
  private final SSLContext tls;
  private final BasicAuth auth;
  private final LocalBlobstore blobs;
  private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
  private HttpsServer server;
  private ExecutorService executor;

  public HttpsRpcServer(InetSocketAddress address, SSLContext tls, BasicAuth auth, LocalBlobstore blobs) {
    this.address = address;
    this.tls = tls;
    this.auth = auth;
    this.blobs = blobs;
  }

  @Override
  public void start(RequestHandler handler) throws IOException {
    if (!state.compareAndSet(State.LATENT, State.STARTED)) {
      throw new IllegalStateException("HTTPS mbus already started or closed");
    }
    try {
      server = HttpsServer.create(address, 64);
    } catch (IOException e) {
      state.set(State.CLOSED); // nothing to close: the address was not bound
      throw e;
    }
    server.setHttpsConfigurator(new HttpsConfigurator(tls) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters parameters = tls.getDefaultSSLParameters();
        parameters.setProtocols(TlsContexts.PROTOCOLS);
        params.setSSLParameters(parameters);
      }
    });
    executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("mbus-", 0).factory());
    server.setExecutor(executor);
    server.createContext("/agent", exchange -> guarded(exchange, () -> agent(exchange, handler)));
    server.createContext("/blobs/", exchange -> guarded(exchange, () -> blob(exchange)));
    server.createContext("/", exchange -> guarded(exchange, () -> respond(exchange, 404, "not found")));
    server.start();
    log.info("mbus listening on https://{}:{}", address.getHostString(), port());
  }

  /** The bound port (useful when started on port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  private interface Action {
    void run() throws IOException;
  }

  private void guarded(HttpExchange exchange, Action action) {
    try (exchange) {
      if (!auth.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"agent\"");
        respond(exchange, 401, "unauthorized");
        return;
      }
      action.run();
    } catch (IOException | RuntimeException e) {
      log.warn("{} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.toString());
    }
  }

  private void agent(HttpExchange exchange, RequestHandler handler) throws IOException {
    if (!exchange.getRequestURI().getPath().equals("/agent")) {
      respond(exchange, 404, "not found");
      return;
    }
    if (!exchange.getRequestMethod().equals("POST")) {
      exchange.getResponseHeaders().set("Allow", "POST");
      respond(exchange, 405, "use POST");
      return;
    }
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_ENVELOPE_BYTES + 1);
    }
    if (body.length > MAX_ENVELOPE_BYTES) {
      respond(exchange, 413, "request envelope larger than " + MAX_ENVELOPE_BYTES + " bytes");
      return;
    }
    String reply = handler.handle(new String(body, StandardCharsets.UTF_8));
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    respond(exchange, 200, reply);
  }

  private void blob(HttpExchange exchange) throws IOException {
    String id = exchange.getRequestURI().getPath().substring("/blobs/".length());
    if (!BlobIds.valid(id)) {
      respond(exchange, 400, "invalid blob id");
      return;
    }
    switch (exchange.getRequestMethod()) {
      case "PUT" -> {
        try (InputStream in = exchange.getRequestBody()) {
          blobs.write(id, in);
        }
        respond(exchange, 201, "");
      }
      case "GET" -> {
        Path file = blobs.pathOf(id);
        if (!Files.isRegularFile(file)) {
          respond(exchange, 404, "no blob " + id);
          return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, Files.size(file));
        try (var out = exchange.getResponseBody()) {
          Files.copy(file, out);
        }
      }
      default -> {
        exchange.getResponseHeaders().set("Allow", "GET, PUT");
        respond(exchange, 405, "use GET or PUT");
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (var out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    if (state.getAndSet(State.CLOSED) == State.STARTED) {
      server.stop(0);
      executor.shutdownNow();
      log.info("mbus closed");
    }
  }
}
