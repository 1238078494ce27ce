package io.lazarus.core.heartbeat;

import io.lazarus.core.files.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The heartbeat credentials of an agent, derived from the key the Director and the Health Monitor share:
 * {@code user = agent id}, {@code password = hex(HMAC-SHA256(key, agent id))}. Neither side keeps a table of
 * agents' passwords, so a restarted Health Monitor accepts every agent at once (docs/internals/healing.md).
 * Thread-safe.
 */
public final class HeartbeatCredentials {
  private final byte[] key;

  private HeartbeatCredentials(byte[] key) {
    if (key.length < 16) {
      throw new IllegalArgumentException("a heartbeat key needs at least 16 bytes, got " + key.length);
    }
    this.key = key.clone();
  }

  /** From a key file holding hex (as {@link #writeNewKey} writes it). */
  public static HeartbeatCredentials fromKeyFile(Path file) {
    String text;
    try {
      text = Files.readString(file).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read heartbeat key " + file, e);
    }
    try {
      return new HeartbeatCredentials(HexFormat.of().parseHex(text));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("heartbeat key " + file + " is not hex of at least 16 bytes", e);
    }
  }

  /** Writes a new random key of 32 bytes as hex to {@code file}, readable by the owner only. */
  public static void writeNewKey(Path file) throws IOException {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    FileTrees.writeAtomically(file, (HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.US_ASCII), PosixFilePermissions.fromString("rw-------"));
  }

  public static HeartbeatCredentials of(byte[] key) {
    return new HeartbeatCredentials(key);
  }

  /** The password an agent with this id presents. */
  public String password(String agentId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(agentId.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** Whether {@code password} is the one of {@code agentId}, compared in constant time. */
  public boolean verify(String agentId, String password) {
    return MessageDigest.isEqual(password(agentId).getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
  }
}
