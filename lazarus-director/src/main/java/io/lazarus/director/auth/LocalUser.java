package io.lazarus.director.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A user from the Director config: name, how to check its password, and whether it is an admin or read-only.
 *
 * <p>A password given as a bcrypt {@code password_hash} is checked with bcrypt. One given in plain text (as
 * {@code director --dev} writes it) sits in the config file anyway, so hashing it with bcrypt at every start would
 * only slow the start; it is kept as a SHA-256 digest and compared in constant time.
 */
public record LocalUser(String name, byte[] secret, boolean bcrypt, boolean admin) {

  public static LocalUser withBcryptHash(String name, String hash, boolean admin) {
    return new LocalUser(name, hash.getBytes(StandardCharsets.UTF_8), true, admin);
  }

  public static LocalUser withPlainPassword(String name, String password, boolean admin) {
    return new LocalUser(name, sha256(password), false, admin);
  }

  public boolean passwordMatches(String password) {
    if (bcrypt) {
      return BCrypt.verifyer().verify(password.toCharArray(), secret).verified;
    }
    return MessageDigest.isEqual(secret, sha256(password));
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
