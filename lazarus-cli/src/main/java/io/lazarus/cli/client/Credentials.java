package io.lazarus.cli.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A client id and secret: sent as HTTP Basic auth on every request to a Director with local users, or traded for
 * a client_credentials token at UAA.
 */
public record Credentials(String client, String clientSecret) implements Authorization {
  public Credentials {
    if (client == null || client.isBlank()) {
      throw new IllegalArgumentException("client must not be empty");
    }
    clientSecret = clientSecret == null ? "" : clientSecret;
  }

  @Override
  public String header() {
    String pair = client + ":" + clientSecret;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /** Basic credentials do not change: a 401 is final. */
  @Override
  public boolean refresh() {
    return false;
  }

  @Override
  public String describe() {
    return "client '" + client + "'";
  }

  @Override
  public String toString() {
    return "Credentials[client=" + client + "]"; // never the secret
  }
}
