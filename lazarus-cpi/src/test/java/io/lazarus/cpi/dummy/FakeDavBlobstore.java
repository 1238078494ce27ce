package io.lazarus.cpi.dummy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.lazarus.core.tls.TlsContexts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The Director's agent blobstore as agents see it: GET/PUT {@code /agent-blobs/<id>} over HTTPS with Basic auth. */
final class FakeDavBlobstore implements AutoCloseable {
  static final String USER = "agent";
  static final String PASSWORD = "blob-secret";

  final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
  final TestCertificates certificates;
  private final HttpsServer server;

  FakeDavBlobstore(Path dir) throws IOException, InterruptedException {
    certificates = TestCertificates.issue("127.0.0.1", dir);
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setHttpsConfigurator(new HttpsConfigurator(TlsContexts.server(certificates.certificate(), certificates.privateKey(), "fake blobstore")));
    server.createContext("/agent-blobs/", this::serve);
    server.start();
  }

  String endpoint() {
    return "https://127.0.0.1:" + server.getAddress().getPort() + "/agent-blobs";
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      String id = exchange.getRequestURI().getPath().substring("/agent-blobs/".length());
      switch (exchange.getRequestMethod()) {
        case "PUT" -> {
          blobs.put(id, exchange.getRequestBody().readAllBytes());
          exchange.sendResponseHeaders(201, -1);
        }
        case "GET" -> {
          byte[] blob = blobs.get(id);
          if (blob == null) {
            exchange.sendResponseHeaders(404, -1);
          } else {
            exchange.sendResponseHeaders(200, blob.length);
            exchange.getResponseBody().write(blob);
          }
        }
        default -> exchange.sendResponseHeaders(405, -1);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
