package io.lazarus.cpi.dummy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * SSL contexts from the PEM text the Director puts in {@code create_vm}'s env: a server context for a VM's agent
 * (its certificate and PKCS#8 key, as the Director's agents' CA issues them) and a client context trusting one CA.
 */
final class PemTls {
  private static final Pattern PKCS8 = Pattern.compile("-----BEGIN PRIVATE KEY-----([^-]*)-----END PRIVATE KEY-----");

  private PemTls() {}

  /** A server context presenting {@code certificatePem} (and any chain after it) with {@code privateKeyPem}. */
  static SSLContext server(String certificatePem, String privateKeyPem) {
    try {
      X509Certificate[] chain = certificates(certificatePem).stream().map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
      SSLContext context = SSLContext.getInstance("TLS");
      // No trust managers: agents ask for no client certificate, and null would load the JDK's cacerts per VM.
      context.init(new KeyManager[] {new SingleKeyManager(chain, privateKey(privateKeyPem))}, new TrustManager[0], null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("env.bosh.mbus.cert: the certificate and private key cannot be used together (" + e.getMessage() + ")", e);
    }
  }

  /** A client context that trusts only the certificates in {@code caPem}. */
  static SSLContext trusting(String caPem) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int i = 0;
      for (Certificate ca : certificates(caPem)) {
        store.setCertificateEntry("ca-" + i++, ca);
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("blobstore CA: cannot build a trust store (" + e.getMessage() + ")", e);
    }
  }

  private static List<Certificate> certificates(String pem) throws GeneralSecurityException {
    Collection<? extends Certificate> found = CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    if (found.isEmpty()) {
      throw new GeneralSecurityException("no PEM certificate found");
    }
    return List.copyOf(found);
  }

  private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
    Matcher matcher = PKCS8.matcher(pem);
    if (!matcher.find()) {
      throw new GeneralSecurityException("no '-----BEGIN PRIVATE KEY-----' (PKCS#8) block found");
    }
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(matcher.group(1)));
    GeneralSecurityException last = null;
    for (String algorithm : List.of("EC", "RSA", "Ed25519")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw last;
  }
}
