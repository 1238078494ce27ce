package io.lazarus.core.digest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * BOSH's multi-digest strings: a plain SHA-1 in hex ({@code 3f2a...}), or {@code sha256:<hex>} as bosh CLI v7
 * writes them, several joined by {@code ;}. A file matches when every digest listed matches.
 */
public final class Digests {
  private Digests() {}

  /** One algorithm and its expected hex value. */
  public record Digest(String algorithm, String hex) {
    String javaName() {
      return switch (algorithm) {
        case "sha1" -> "SHA-1";
        case "sha256" -> "SHA-256";
        case "sha512" -> "SHA-512";
        default -> throw new IllegalArgumentException("unsupported digest algorithm '" + algorithm + "'");
      };
    }
  }

  /**
   * Parses a multi-digest string.
   *
   * @throws IllegalArgumentException naming the problem when the string is empty, malformed or uses an unknown
   *     algorithm
   */
  public static List<Digest> parse(String multiDigest) {
    if (multiDigest == null || multiDigest.isBlank()) {
      throw new IllegalArgumentException("digest is empty");
    }
    List<Digest> digests = new ArrayList<>();
    for (String part : multiDigest.split(";")) {
      String trimmed = part.trim().toLowerCase(Locale.ROOT);
      int colon = trimmed.indexOf(':');
      String algorithm = colon < 0 ? "sha1" : trimmed.substring(0, colon);
      String hex = colon < 0 ? trimmed : trimmed.substring(colon + 1);
      Digest digest = new Digest(algorithm, hex);
      digest.javaName();
      if (!hex.matches("[0-9a-f]+")) {
        throw new IllegalArgumentException("digest '" + part.trim() + "' is not hexadecimal");
      }
      digests.add(digest);
    }
    return digests;
  }

  /** Whether {@code file} matches every digest of {@code multiDigest}. */
  public static boolean matches(Path file, String multiDigest) throws IOException {
    for (Digest digest : parse(multiDigest)) {
      if (!hex(file, digest.javaName()).equals(digest.hex())) {
        return false;
      }
    }
    return true;
  }

  public static String sha1(Path file) throws IOException {
    return hex(file, "SHA-1");
  }

  public static String sha256(Path file) throws IOException {
    return hex(file, "SHA-256");
  }

  private static String hex(Path file, String algorithm) throws IOException {
    MessageDigest md = newDigest(algorithm);
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      int read;
      while ((read = in.read(buffer)) > 0) {
        md.update(buffer, 0, read);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static MessageDigest newDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks " + algorithm, e);
    }
  }
}
