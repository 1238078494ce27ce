package io.lazarus.cli.client;

import io.lazarus.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import tools.jackson.core.JacksonException;

/**
 * Tokens from UAA's token endpoint.
 *
 * @param refreshToken null when UAA issued none (client_credentials)
 */
public record UaaTokens(String accessToken, String refreshToken) {
  public UaaTokens {
    if (accessToken == null || accessToken.isBlank()) {
      throw new IllegalArgumentException("UAA answered without an access token");
    }
  }

  /** The user the access token names ({@code user_name} as UAA writes it, else {@code sub}); not verified. */
  public String userName() {
    String[] parts = accessToken.split("\\.");
    if (parts.length < 2) {
      return "unknown";
    }
    Map<?, ?> claims;
    try {
      claims = Json.read(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8), Map.class);
    } catch (IllegalArgumentException | JacksonException e) {
      return "unknown";
    }
    Object name = claims.get("user_name") != null ? claims.get("user_name") : claims.get("sub");
    return name == null ? "unknown" : name.toString();
  }

  /** The refreshed tokens; UAA may keep the refresh token, then the old one stays valid. */
  UaaTokens renewedBy(UaaTokens answer) {
    return new UaaTokens(answer.accessToken(), answer.refreshToken() != null ? answer.refreshToken() : refreshToken);
  }

  @Override
  public String toString() {
    return "UaaTokens[...]"; // never the tokens
  }
}
