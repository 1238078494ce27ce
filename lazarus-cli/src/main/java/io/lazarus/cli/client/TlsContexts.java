package io.lazarus.cli.client;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS trust for the Director: the CA certificates of a PEM text, or the JDK's default roots when there is none. */
public final class TlsContexts {
  private TlsContexts() {}

  /** @param caPem one or more PEM certificates; null or blank for the system trust store */
  public static SSLContext trusting(String caPem) {
    try {
      if (caPem == null || caPem.isBlank()) {
        return SSLContext.getDefault();
      }
      Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)));
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("CA certificate contains no PEM certificate");
      }
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int index = 0;
      for (Certificate certificate : certificates) {
        trust.setCertificateEntry("ca-" + index++, certificate);
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JDK offers no TLS", e);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalArgumentException("CA certificate is not a valid PEM certificate: " + e.getMessage(), e);
    }
  }
}
