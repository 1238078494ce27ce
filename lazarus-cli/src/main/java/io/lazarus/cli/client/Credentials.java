package io.lazarus.cli.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A Director client id and secret, sent as HTTP Basic auth on every request. */
public record Credentials(String client, String clientSecret) {
  public Credentials {
    if (client == null || client.isBlank()) {
      throw new IllegalArgumentException("client must not be empty");
    }
    clientSecret = clientSecret == null ? "" : clientSecret;
  }

  String authorization() {
    String pair = client + ":" + clientSecret;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Credentials[client=" + client + "]"; // never the secret
  }
}
