package io.lazarus.monitor.director;

import io.lazarus.monitor.config.DirectorConnection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code Authorization} header of the HM's Director calls (bosh-behaviour.md §2.2): Basic user/password unless
 * {@code /info} says {@code user_authentication.type == "uaa"}, then a client-credentials token from
 * {@code user_authentication.options.url}, reused until less than 60 s remain. The kind is learned from the first
 * {@code /info} that answers. Thread-safe.
 */
final class DirectorAuthorization {
  private static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);

  private final DirectorConnection connection;
  private final Supplier<Map<String, Object>> info;
  private final TokenClient tokens;
  private final Clock clock;
  private String uaaUrl; // null until /info said uaa
  private boolean known;
  private Token token;

  /** What the token endpoint gave: the header value and when it stops being valid. */
  record Token(String header, Instant expiresAt) {}

  /** Fetches a client-credentials token from a UAA base URL. */
  @FunctionalInterface
  interface TokenClient {
    Token fetch(String uaaUrl, String clientId, String clientSecret);
  }

  DirectorAuthorization(DirectorConnection connection, Supplier<Map<String, Object>> info, TokenClient tokens, Clock clock) {
    this.connection = connection;
    this.info = info;
    this.tokens = tokens;
    this.clock = clock;
  }

  synchronized String header() {
    if (!known) {
      uaaUrl = uaaUrl(info.get());
      known = true;
    }
    if (uaaUrl == null) {
      if (connection.user() == null) {
        throw new DirectorApiException(0, "the Director uses local users but hm.yml director has no 'user'", null);
      }
      String pair = connection.user() + ":" + connection.password();
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
    if (token == null || !clock.instant().plus(REFRESH_MARGIN).isBefore(token.expiresAt())) {
      if (connection.clientId() == null) {
        throw new DirectorApiException(0, "the Director uses UAA but hm.yml director has no 'client_id'", null);
      }
      token = tokens.fetch(uaaUrl, connection.clientId(), connection.clientSecret());
    }
    return token.header();
  }

  @SuppressWarnings("unchecked")
  private static String uaaUrl(Map<String, Object> info) {
    if (info.get("user_authentication") instanceof Map<?, ?> auth && "uaa".equals(auth.get("type"))) {
      Object url = auth.get("options") instanceof Map<?, ?> options ? ((Map<String, Object>) options).get("url") : null;
      if (!(url instanceof String s) || s.isBlank()) {
        throw new DirectorApiException(0, "the Director's /info says uaa but gives no user_authentication.options.url", null);
      }
      return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
    return null;
  }
}
