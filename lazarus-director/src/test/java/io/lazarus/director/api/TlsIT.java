package io.lazarus.director.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.director.testing.ApiClient;
import io.lazarus.director.testing.TestDirector;
import io.lazarus.testing.DatabaseKind;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Director's TLS is what the bosh CLI v7 needs: TLS 1.2 with ECDHE-RSA-AES-GCM (the only suites the CLI
 * offers) or TLS 1.3, an RSA certificate with an IP SAN for the address; weaker protocols and suites refused.
 */
class TlsIT {
  @TempDir static Path dir;
  static TestDirector director;

  @BeforeAll
  static void start() throws Exception {
    director = TestDirector.start(DatabaseKind.H2, dir);
  }

  @AfterAll
  static void stop() {
    director.close();
  }

  private SSLSocket handshake(String protocol, String suite) throws IOException {
    URI url = director.director().url();
    SSLSocket socket = (SSLSocket) ApiClient.trusting(director.store().resolve("director/tls/ca.pem")).getSocketFactory().createSocket(url.getHost(), url.getPort());
    socket.setEnabledProtocols(new String[] {protocol});
    socket.setEnabledCipherSuites(new String[] {suite});
    socket.startHandshake();
    return socket;
  }

  @Test
  void acceptsTheBoshCliSuitesOnTls12AndTls13() throws Exception {
    for (String suite : List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")) {
      try (SSLSocket socket = handshake("TLSv1.2", suite)) {
        assertThat(socket.getSession().getCipherSuite()).isEqualTo(suite);
        X509Certificate cert = (X509Certificate) socket.getSession().getPeerCertificates()[0];
        assertThat(cert.getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(cert.getSubjectAlternativeNames()).anySatisfy(san -> assertThat(san).isEqualTo(List.of(7, "127.0.0.1")));
      }
    }
    try (SSLSocket socket = handshake("TLSv1.3", "TLS_AES_128_GCM_SHA256")) {
      assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
    }
  }

  @Test
  void refusesCbcSuitesAndOldProtocols() {
    assertThatThrownBy(() -> handshake("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256").close()).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> handshake("TLSv1.1", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA").close()).isInstanceOf(IOException.class);
  }
}
