package io.lazarus.cli.interpolation.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.cli.interpolation.template.StaticVariables;
import io.lazarus.cli.interpolation.yaml.GoYaml;
import io.lazarus.core.tls.Pem;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CertificateGeneratorTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final Map<String, Object> variables = new HashMap<>();

  private Map<?, ?> generate(String name, String options) {
    CertificateGenerator generator = new CertificateGenerator(new CertificateLoader(new StaticVariables(variables)), CLOCK, new SecureRandom());
    Map<?, ?> value = (Map<?, ?>) generator.generate(GoYaml.load("options", options));
    variables.put(name, value);
    return value;
  }

  private static X509Certificate certificate(Object pem) {
    return Pem.certificates((String) pem, "certificate").getFirst();
  }

  @Test
  void aCaIsSelfSignedWithTheConfigServersDefaults() throws Exception {
    Map<?, ?> ca = generate("ca", "{is_ca: true, common_name: bosh, key_length: 2048}");
    X509Certificate certificate = certificate(ca.get("certificate"));

    assertThat(ca.get("ca")).isEqualTo(ca.get("certificate"));
    assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=bosh,O=Cloud Foundry,C=US");
    assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
    assertThat(certificate.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
    assertThat(certificate.getKeyUsage()).containsExactly(false, false, false, false, false, true, true, false, false);
    assertThat(certificate.getNotBefore().toInstant()).isEqualTo(NOW);
    assertThat(certificate.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(365)));
    assertThat(certificate.getSerialNumber().bitLength()).isBetween(100, 128);
    certificate.verify(certificate.getPublicKey());
    assertThat((String) ca.get("private_key")).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
    PrivateKey key = Pem.privateKey((String) ca.get("private_key"), "private_key");
    assertThat(((RSAPrivateCrtKey) key).getModulus()).isEqualTo(((RSAPublicKey) certificate.getPublicKey()).getModulus());
  }

  @Test
  void aLeafIsSignedByItsCaWithItsNamesAndServerAuthByDefault() throws Exception {
    Map<?, ?> ca = generate("ca", "{is_ca: true, common_name: bosh, key_length: 2048}");
    Map<?, ?> leaf = generate("server", "{ca: ca, common_name: bosh.io, alternative_names: [bosh.io, '*.bosh.io', 10.0.0.5], key_length: 2048}");
    X509Certificate certificate = certificate(leaf.get("certificate"));
    X509Certificate caCertificate = certificate(ca.get("certificate"));

    assertThat(leaf.get("ca")).isEqualTo(ca.get("certificate"));
    assertThat(certificate.getIssuerX500Principal()).isEqualTo(caCertificate.getSubjectX500Principal());
    assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
    assertThat(certificate.getKeyUsage()).containsExactly(true, false, true, false, false, false, false, false, false);
    assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(certificate.getSubjectAlternativeNames()).containsExactly(List.of(2, "bosh.io"), List.of(2, "*.bosh.io"), List.of(7, "10.0.0.5"));
    assertValidChain(certificate, caCertificate);
  }

  @Test
  void extendedKeyUsageDurationAndOrganizationFollowTheOptions() throws Exception {
    generate("ca", "{is_ca: true, common_name: ca, key_length: 2048}");
    X509Certificate client = certificate(generate("client",
        "{ca: ca, common_name: root, extended_key_usage: [client_auth, server_auth], duration: 30, organization: Lazarus, key_length: 2048}").get("certificate"));

    assertThat(client.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2", "1.3.6.1.5.5.7.3.1");
    assertThat(client.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(30)));
    assertThat(client.getSubjectX500Principal().getName()).isEqualTo("CN=root,O=Lazarus,C=US");
  }

  @Test
  void anIntermediateCaIsSignedByItsRoot() throws Exception {
    Map<?, ?> root = generate("root", "{is_ca: true, common_name: root, key_length: 2048}");
    Map<?, ?> intermediate = generate("intermediate", "{is_ca: true, ca: root, common_name: intermediate, key_length: 2048}");
    X509Certificate leaf = certificate(generate("leaf", "{ca: intermediate, common_name: leaf, key_length: 2048}").get("certificate"));

    assertThat(intermediate.get("ca")).isEqualTo(root.get("certificate"));
    assertThat(certificate(intermediate.get("certificate")).getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
    assertValidChain(leaf, certificate(intermediate.get("certificate")), certificate(root.get("certificate")));
  }

  @Test
  void keysAre3072BitsUnlessTold() {
    Map<?, ?> ca = generate("ca", "{is_ca: true, common_name: bosh}");
    assertThat(((RSAPublicKey) certificate(ca.get("certificate")).getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
  }

  @Test
  void badOptionsFailAsTheConfigServerDoes() {
    assertThatThrownBy(() -> generate("leaf", "{common_name: x}")).hasMessage("Missing required CA name");
    assertThatThrownBy(() -> generate("leaf", "{ca: nope, common_name: x, key_length: 2048}"))
        .hasMessage("Loading certificates: Expected to find variable 'nope' with a certificate");
    assertThatThrownBy(() -> generate("leaf", "{is_ca: true, ext_key_usage: [x]}"))
        .hasMessage("Failed to generate certificate, parameters are invalid: Unsupported certificate parameter 'ext_key_usage'");
    assertThatThrownBy(() -> generate("leaf", "{is_ca: true, alternative_names: smurf}"))
        .hasMessageStartingWith("Failed to generate certificate, parameters are invalid: Expected input to be deserializable: 'alternative_names'");
    assertThatThrownBy(() -> generate("leaf", "{is_ca: true, key_length: 1024}")).hasMessage("Invalid key_length: 1024.  Must be one of: [2048 3072 4096]");
    variables.put("notacert", "just text");
    assertThatThrownBy(() -> generate("leaf", "{ca: notacert, key_length: 2048}")).hasMessageStartingWith("Loading certificates: Expected variable 'notacert' to be deserializable");
    variables.put("badca", Map.of("certificate", "", "private_key", ""));
    assertThatThrownBy(() -> generate("leaf", "{ca: badca, key_length: 2048}")).hasMessage("Loading certificates: Certificate did not contain PEM formatted block");
    generate("ca", "{is_ca: true, common_name: ca, key_length: 2048}");
    assertThatThrownBy(() -> generate("leaf", "{ca: ca, extended_key_usage: [code_signing], key_length: 2048}"))
        .hasMessage("Unsupported extended key usage value: code_signing");
  }

  private static void assertValidChain(X509Certificate leaf, X509Certificate... issuers) throws Exception {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    List<X509Certificate> path = new java.util.ArrayList<>(List.of(leaf));
    path.addAll(List.of(issuers).subList(0, issuers.length - 1));
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(issuers[issuers.length - 1], null)));
    parameters.setRevocationEnabled(false);
    parameters.setDate(Date.from(NOW.plusSeconds(60)));
    CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(path), parameters);
  }
}
