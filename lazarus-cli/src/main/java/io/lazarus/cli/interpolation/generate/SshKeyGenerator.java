package io.lazarus.cli.interpolation.generate;

import io.lazarus.director.tls.Pem;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A 2048-bit RSA key for SSH: {@code private_key} (PKCS#1 PEM), {@code public_key} in OpenSSH's authorized_keys form
 * ({@code ssh-rsa AAAA...}) and {@code public_key_fingerprint}, the MD5 fingerprint as {@code aa:bb:...}.
 */
final class SshKeyGenerator implements ValueGenerator {
  private static final int BITS = 2048;

  private final SecureRandom random;

  SshKeyGenerator(SecureRandom random) {
    this.random = random;
  }

  @Override
  public Object generate(Object options) {
    KeyPair keys = RsaKeys.generate(BITS, random);
    byte[] blob = publicKeyBlob((RSAPublicKey) keys.getPublic());
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("private_key", Pem.write(keys.getPrivate()));
    value.put("public_key", "ssh-rsa " + Base64.getEncoder().encodeToString(blob) + "\n");
    value.put("public_key_fingerprint", HexFormat.ofDelimiter(":").formatHex(md5(blob)));
    return value;
  }

  /** The key in SSH's wire format (RFC 4253): the type name, the exponent, the modulus. */
  static byte[] publicKeyBlob(RSAPublicKey key) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writeField(out, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
      writeField(out, key.getPublicExponent().toByteArray());
      writeField(out, key.getModulus().toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeField(DataOutputStream out, byte[] field) throws IOException {
    out.writeInt(field.length);
    out.write(field);
  }

  private static byte[] md5(byte[] blob) {
    try {
      return MessageDigest.getInstance("MD5").digest(blob);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK always has MD5", e);
    }
  }
}
