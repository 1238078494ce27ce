package io.lazarus.director.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.lazarus.core.json.Json;
import io.lazarus.director.tls.AgentCertificateAuthority.AgentCertificate;
import io.lazarus.director.tls.Pem;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import tools.jackson.databind.JsonNode;

/**
 * An agent that speaks the real HTTPS protocol (Basic auth, protocol-3 envelopes, async tasks through get_task)
 * with canned behaviour: {@code ping} → pong, {@code slow_apply} → an agent task that reports running for
 * {@code runningPolls} polls and then "applied", {@code get_state} → a running job with one process and vitals,
 * {@code explode} → an exception, anything else → unknown message.
 */
public final class FakeAgent implements AutoCloseable {
  private final HttpsServer server;
  private final String expectedAuthorization;
  private final int runningPolls;
  private final AtomicInteger polls = new AtomicInteger();
  final List<String> methods = new CopyOnWriteArrayList<>();

  public FakeAgent(AgentCertificate certificate, Path dir, String user, String password, int runningPolls) throws Exception {
    this.expectedAuthorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.runningPolls = runningPolls;
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(sslContext(certificate, dir)));
    server.createContext("/agent", this::handle);
    server.start();
  }

  public URI url() {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      JsonNode request = Json.mapper().readTree(exchange.getRequestBody().readAllBytes());
      String method = request.get("method").asString();
      methods.add(method);
      Object reply = switch (method) {
        case "ping" -> Map.of("value", "pong");
        case "slow_apply" -> Map.of("value", Map.of("agent_task_id", "t-1", "state", "running"));
        case "get_task" -> polls.incrementAndGet() <= runningPolls
            ? Map.of("value", Map.of("agent_task_id", "t-1", "state", "running"))
            : Map.of("value", "applied");
        case "cancel_task" -> Map.of("value", "canceled");
        case "get_state" -> Map.of("value", Map.of(
            "job_state", "running",
            "processes", List.of(Map.of("name", "web", "state", "running", "uptime", Map.of("secs", 12), "mem", Map.of("kb", 2048, "percent", 0.1), "cpu", Map.of("total", 0.5))),
            "vitals", Map.of("load", List.of("0.01", "0.02", "0.03"), "uptime", Map.of("secs", 60))));
        case "explode" -> Map.of("exception", Map.of("message", "Action Failed explode: disk full"));
        default -> Map.of("exception", Map.of("message", "unknown message " + method));
      };
      byte[] body = Json.write(reply).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private static SSLContext sslContext(AgentCertificate certificate, Path dir) throws Exception {
    Path cert = Files.writeString(dir.resolve("agent.pem"), certificate.certificate());
    Path key = Files.writeString(dir.resolve("agent.key"), certificate.privateKey());
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("agent", Pem.readPrivateKey(key), "x".toCharArray(), new Certificate[] {Pem.readCertificate(cert)});
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, "x".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
