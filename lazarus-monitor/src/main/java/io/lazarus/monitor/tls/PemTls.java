package io.lazarus.monitor.tls;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * SSL contexts from PEM files (certificates; keys in PKCS#1 or PKCS#8, unencrypted), with errors that name the
 * file: a server identity for the ingest listener, a trust anchor for the Director and webhook clients.
 */
public final class PemTls {
  private static final char[] NO_PASSWORD = new char[0];

  private PemTls() {}

  /** A key store holding the chain in {@code certificateFile} and the key in {@code keyFile} under alias "hm". */
  public static KeyStore identity(Path certificateFile, Path keyFile) {
    List<X509Certificate> chain = certificates(certificateFile);
    PrivateKey key = privateKey(keyFile);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("hm", key, NO_PASSWORD, chain.toArray(X509Certificate[]::new));
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new TlsException(certificateFile + " and " + keyFile + " cannot be used together: " + e.getMessage(), e);
    }
  }

  /** The password of {@link #identity} key stores (empty). */
  public static String identityPassword() {
    return new String(NO_PASSWORD);
  }

  /** A client context trusting only the certificates in {@code caFile}. */
  public static SSLContext trusting(Path caFile) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int i = 0;
      for (X509Certificate ca : certificates(caFile)) {
        store.setCertificateEntry("ca-" + i++, ca);
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new TlsException(caFile + ": cannot build a trust store: " + e.getMessage(), e);
    }
  }

  static List<X509Certificate> certificates(Path file) {
    List<X509Certificate> found = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(read(file)))) {
      for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
        if (object instanceof X509CertificateHolder holder) {
          found.add(new JcaX509CertificateConverter().getCertificate(holder));
        }
      }
    } catch (IOException | java.security.cert.CertificateException e) {
      throw new TlsException(file + ": not a PEM certificate: " + e.getMessage(), e);
    }
    if (found.isEmpty()) {
      throw new TlsException(file + ": no PEM certificate found", null);
    }
    return found;
  }

  static PrivateKey privateKey(Path file) {
    try (PEMParser parser = new PEMParser(new StringReader(read(file)))) {
      Object object = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (object instanceof PEMKeyPair pair) {
        return converter.getKeyPair(pair).getPrivate();
      }
      if (object instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
    } catch (IOException e) {
      throw new TlsException(file + ": unreadable private key: " + e.getMessage(), e);
    }
    throw new TlsException(file + ": expected a PEM private key (PKCS#1 or PKCS#8, unencrypted)", null);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new TlsException(file + ": cannot read: " + e.getMessage(), e);
    }
  }
}
