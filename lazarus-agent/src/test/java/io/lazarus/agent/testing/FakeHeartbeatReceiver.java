package io.lazarus.agent.testing;

import io.lazarus.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/** The Health Monitor's HTTPS ingest as agents see it: records every POST to {@code /agents/<id>/<kind>}. */
public final class FakeHeartbeatReceiver extends TlsTestServer {
  public static final String PASSWORD = "hb-secret";

  /** One received message. */
  public record Received(String path, JsonNode body) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();

  public FakeHeartbeatReceiver(TestCa ca, String agentId) throws IOException {
    super(ca, agentId, PASSWORD);
    server.createContext("/agents/", exchange -> {
      try (exchange) {
        if (!authorized(exchange)) {
          return;
        }
        try (InputStream in = exchange.getRequestBody()) {
          received.add(new Received(exchange.getRequestURI().getPath(), Json.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8))));
        }
        exchange.sendResponseHeaders(200, -1);
      }
    });
    server.start();
  }

  public List<Received> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }
}
