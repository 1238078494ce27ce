package io.lazarus.director.auth;

import java.util.Map;
import java.util.Optional;

/** Checks a request's {@code Authorization} header. Implementations are thread-safe. */
public interface Authenticator {

  /** The principal the header proves, or empty when it is missing or proves nothing (never says why). */
  Optional<Principal> authenticate(String authorizationHeader);

  /** The {@code user_authentication} block of {@code GET /info}: {@code {"type": ..., "options": {...}}}. */
  Map<String, Object> describe();
}
