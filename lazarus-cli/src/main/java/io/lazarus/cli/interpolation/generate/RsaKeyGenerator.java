package io.lazarus.cli.interpolation.generate;

import io.lazarus.director.tls.Pem;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/** A 2048-bit RSA key: {@code private_key} (PKCS#1 PEM) and {@code public_key} (PEM). */
final class RsaKeyGenerator implements ValueGenerator {
  private static final int BITS = 2048;

  private final SecureRandom random;

  RsaKeyGenerator(SecureRandom random) {
    this.random = random;
  }

  @Override
  public Object generate(Object options) {
    KeyPair keys = RsaKeys.generate(BITS, random);
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("private_key", Pem.write(keys.getPrivate()));
    value.put("public_key", Pem.write(keys.getPublic()));
    return value;
  }
}
