package io.lazarus.cli.interpolation.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.cli.interpolation.template.StaticVariables;
import io.lazarus.cli.interpolation.yaml.GoYaml;
import io.lazarus.core.tls.Pem;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyGeneratorsTest {
  private final ValueGenerators generators = new ValueGenerators(new CertificateLoader(new StaticVariables(Map.of())), Clock.systemUTC());

  @Test
  void passwordsAreTwentyLowercaseAlphanumerics() {
    Object password = generators.forType("password").generate(null);
    assertThat((String) password).matches("[a-z0-9]{20}");
    assertThat(generators.forType("password").generate(null)).isNotEqualTo(password);
    assertThat((String) generators.forType("password").generate(GoYaml.load("o", "{length: 32, allowed_characters: ab}"))).matches("[ab]{32}");
    assertThat((String) generators.forType("password").generate(GoYaml.load("o", "{length: 8}"))).hasSize(20);
    assertThatThrownBy(() -> generators.forType("password").generate("long")).hasMessage("Failed to generate password, parameters are invalid.");
  }

  @Test
  void rsaKeysComeAsAPkcs1PrivateKeyAndItsPublicKey() throws Exception {
    Map<?, ?> value = (Map<?, ?>) generators.forType("rsa").generate(null);
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) Pem.privateKey((String) value.get("private_key"), "private_key");
    String publicPem = (String) value.get("public_key");

    assertThat((String) value.get("private_key")).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----");
    RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
        Base64.getMimeDecoder().decode(publicPem.replaceAll("-----[A-Z ]+-----", ""))));
    assertThat(publicKey.getModulus()).isEqualTo(key.getModulus());
    assertThat(key.getModulus().bitLength()).isEqualTo(2048);
  }

  @Test
  void sshKeysComeWithAnOpenSshPublicKeyAndItsMd5Fingerprint() throws Exception {
    Map<?, ?> value = (Map<?, ?>) generators.forType("ssh").generate(null);
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) Pem.privateKey((String) value.get("private_key"), "private_key");
    String publicKey = (String) value.get("public_key");

    assertThat(publicKey).startsWith("ssh-rsa ").endsWith("\n");
    byte[] blob = Base64.getDecoder().decode(publicKey.substring("ssh-rsa ".length()).trim());
    assertThat(blob).isEqualTo(SshKeyGenerator.publicKeyBlob(rsaPublic(key)));
    assertThat((String) value.get("public_key_fingerprint"))
        .hasSize(47)
        .isEqualTo(HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("MD5").digest(blob)));
  }

  @Test
  void typesTheBoshCliDoesNotGenerateAreRefused() {
    assertThatThrownBy(() -> generators.forType("user")).hasMessage("Unsupported value type: user");
  }

  private static RSAPublicKey rsaPublic(RSAPrivateCrtKey key) throws Exception {
    return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new java.security.spec.RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
  }
}
