package io.lazarus.cli.interpolation.generate;

import io.lazarus.cli.interpolation.template.InterpolationException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

/** RSA key pairs for generated values, and the subject key id the bosh CLI derives from a key. */
final class RsaKeys {
  private RsaKeys() {}

  static KeyPair generate(int bits, SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits, random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new InterpolationException("Generating Key: " + e.getMessage(), e);
    }
  }

  /** SHA-1 of the modulus as an unsigned big-endian number: the config server's subject key id. */
  static byte[] subjectKeyId(RSAPublicKey key) {
    byte[] modulus = key.getModulus().toByteArray();
    byte[] unsigned = modulus.length > 1 && modulus[0] == 0 ? Arrays.copyOfRange(modulus, 1, modulus.length) : modulus;
    try {
      return MessageDigest.getInstance("SHA-1").digest(unsigned);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK always has SHA-1", e);
    }
  }
}
