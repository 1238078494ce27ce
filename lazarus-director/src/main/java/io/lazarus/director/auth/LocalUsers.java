package io.lazarus.director.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic authentication against the users of the Director config, whose passwords are kept as bcrypt hashes.
 *
 * <p>bcrypt is slow on purpose (tens of milliseconds), and the bosh CLI sends credentials on every request, so a
 * successful check is remembered for a short while under a SHA-256 of the header; a wrong password is always
 * checked in full. Thread-safe.
 */
public final class LocalUsers implements Authenticator {
  private static final Duration REMEMBER = Duration.ofMinutes(5);
  private static final int MAX_REMEMBERED = 10_000;

  private final Map<String, LocalUser> users;
  private final Clock clock;
  private final Map<String, Remembered> verified = new ConcurrentHashMap<>();

  private record Remembered(Principal principal, long until) {}

  public LocalUsers(List<LocalUser> users, Clock clock) {
    this.users = Map.copyOf(users.stream().collect(java.util.stream.Collectors.toMap(LocalUser::name, u -> u)));
    this.clock = clock;
  }

  @Override
  public Optional<Principal> authenticate(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String key = sha256(header);
    Remembered remembered = verified.get(key);
    long now = clock.millis();
    if (remembered != null && remembered.until() > now) {
      return Optional.of(remembered.principal());
    }
    Optional<Principal> principal = check(header.substring(6).trim());
    principal.ifPresent(
        p -> {
          if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
          }
          verified.put(key, new Remembered(p, now + REMEMBER.toMillis()));
        });
    return principal;
  }

  private Optional<Principal> check(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    LocalUser user = users.get(decoded.substring(0, colon));
    if (user == null) {
      return Optional.empty();
    }
    boolean ok = user.passwordMatches(decoded.substring(colon + 1));
    return ok ? Optional.of(new Principal(user.name(), user.admin())) : Optional.empty();
  }

  @Override
  public Map<String, Object> describe() {
    return Map.of("type", "basic", "options", Map.of());
  }

  private static String sha256(String text) {
    return HexFormat.of().formatHex(LocalUser.sha256(text));
  }
}
