package io.lazarus.agent.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.agent.testing.TestCa;
import io.lazarus.core.tls.Pem;
import io.lazarus.core.tls.TlsContexts;
import org.junit.jupiter.api.Test;

class PemTest {
  final TestCa ca = TestCa.shared();
  final TestCa.Issued issued = ca.issue("127.0.0.1");

  @Test
  void readsPkcs8AndPkcs1FormsOfTheSameKey() {
    var pkcs8 = Pem.privateKey(issued.privateKeyPem(), "key");
    var pkcs1 = Pem.privateKey(issued.pkcs1PrivateKeyPem(), "key");
    assertThat(pkcs1.getEncoded()).isEqualTo(pkcs8.getEncoded());
  }

  @Test
  void readsCertificateChains() {
    assertThat(Pem.certificates(issued.certificatePem() + ca.caPem(), "chain")).hasSize(2);
  }

  @Test
  void errorsNameTheSettingsField() {
    assertThatThrownBy(() -> Pem.certificates("garbage", "env.bosh.mbus.cert.ca"))
        .hasMessage("env.bosh.mbus.cert.ca: no '-----BEGIN CERTIFICATE-----' block found");
    assertThatThrownBy(() -> Pem.privateKey(issued.certificatePem(), "env.bosh.mbus.cert.private_key"))
        .hasMessageStartingWith("env.bosh.mbus.cert.private_key: no '-----BEGIN PRIVATE KEY-----'");
  }

  @Test
  void buildsAServerContextFromPem() {
    assertThat(TlsContexts.server(issued.certificatePem(), issued.pkcs1PrivateKeyPem(), "cert"))
        .isNotNull();
  }
}
