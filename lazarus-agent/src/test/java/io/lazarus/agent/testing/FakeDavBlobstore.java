package io.lazarus.agent.testing;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The Director's DAV blobstore as agents see it: {@code GET/PUT /agent-blobs/<id>} with Basic auth, blobs in memory. */
public final class FakeDavBlobstore extends TlsTestServer {
  public static final String USER = "agent-blobs";
  public static final String PASSWORD = "blob-secret";

  private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();

  public FakeDavBlobstore(TestCa ca) throws IOException {
    super(ca, USER, PASSWORD);
    server.createContext("/agent-blobs/", exchange -> {
      try (exchange) {
        if (!authorized(exchange)) {
          return;
        }
        String id = exchange.getRequestURI().getPath().substring("/agent-blobs/".length());
        switch (exchange.getRequestMethod()) {
          case "PUT" -> {
            try (InputStream in = exchange.getRequestBody()) {
              blobs.put(id, in.readAllBytes());
            }
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
    });
    server.start();
  }

  public String endpoint() {
    return url() + "/agent-blobs";
  }

  /** Stores {@code content} under a new id and returns the id. */
  public String add(byte[] content) {
    String id = UUID.randomUUID().toString();
    blobs.put(id, content);
    return id;
  }

  public byte[] blob(String id) {
    return blobs.get(id);
  }

  public static String sha1(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
