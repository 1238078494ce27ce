package io.lazarus.agent.transport.https;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Checks an {@code Authorization: Basic} header against the one user the agent accepts. Both sides are hashed
 * before {@link MessageDigest#isEqual} so the comparison takes the same time whatever the guess, length included.
 */
public final class BasicAuth {
  private final byte[] expected;

  public BasicAuth(String user, String password) {
    this.expected = sha256("Basic " + encode(user, password));
  }

  public static String encode(String user, String password) {
    return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public boolean accepts(String authorizationHeader) {
    byte[] given = sha256(authorizationHeader == null ? "" : authorizationHeader.trim());
    return MessageDigest.isEqual(expected, given);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks SHA-256", e);
    }
  }
}
