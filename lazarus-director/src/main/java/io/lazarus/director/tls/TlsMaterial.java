package io.lazarus.director.tls;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

/**
 * The Director's server identity: certificate, key and the CA that clients trust ({@code caFile} is what goes into
 * env.json and {@code --ca-cert}).
 */
public record TlsMaterial(X509Certificate certificate, PrivateKey key, Path caFile) {
  static final char[] KEYSTORE_PASSWORD = "lazarus".toCharArray();

  public static TlsMaterial load(Path certificateFile, Path keyFile, Path caFile) {
    X509Certificate certificate = Pem.readCertificate(certificateFile);
    PrivateKey key = Pem.readPrivateKey(keyFile);
    Pem.readCertificate(caFile);
    return new TlsMaterial(certificate, key, caFile);
  }

  /** An in-memory PKCS#12 key store for Jetty, holding the key and certificate under alias "director". */
  public KeyStore keyStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("director", key, KEYSTORE_PASSWORD, new Certificate[] {certificate});
      return store;
    } catch (Exception e) {
      throw new TlsException("cannot build key store: " + e.getMessage());
    }
  }

  public static char[] keyStorePassword() {
    return KEYSTORE_PASSWORD.clone();
  }
}
