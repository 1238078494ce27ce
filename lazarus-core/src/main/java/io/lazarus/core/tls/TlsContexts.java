package io.lazarus.core.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.crypto.spec.PBEParameterSpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** SSL contexts from PEM text: one to serve with (a certificate chain and its key), one to trust a CA with. */
public final class TlsContexts {
  /** TLS 1.2 and 1.3 only, on every socket the agent opens or accepts. */
  public static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private static final char[] NO_PASSWORD = new char[0];

  private TlsContexts() {}

  /** A server context presenting {@code certificatePem} (with any chain after it) and its key; {@code what} names them in errors. */
  public static SSLContext server(String certificatePem, String privateKeyPem, String what) {
    List<X509Certificate> chain = Pem.certificates(certificatePem, what + ".certificate");
    PrivateKey key = Pem.privateKey(privateKeyPem, what + ".private_key");
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      // The store lives in memory only, so its key needs no password stretching: PKCS12's default (10,000 rounds of
      // PBKDF2 to store the key, as many again to read it) cost each dummy-CPI VM and each agent start ~20k SHA-256s.
      KeyStore.PasswordProtection inMemory = new KeyStore.PasswordProtection(NO_PASSWORD, "PBEWithHmacSHA256AndAES_256", new PBEParameterSpec(new byte[16], 1));
      store.setEntry("server", new KeyStore.PrivateKeyEntry(key, chain.toArray(X509Certificate[]::new)), inMemory);
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, NO_PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      // No trust managers: the server asks for no client certificates, and a null here would load the JDK's
      // whole cacerts store (a megabyte of heap) for nothing.
      context.init(keys.getKeyManagers(), new TrustManager[0], null);
      return context;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new TlsException(what + ": the certificate and private key cannot be used together (" + e.getMessage() + ")", e);
    }
  }

  /** A client context trusting only the certificates in {@code caPem}. */
  public static SSLContext trusting(String caPem, String what) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int i = 0;
      for (X509Certificate ca : Pem.certificates(caPem, what)) {
        store.setCertificateEntry("ca-" + i++, ca);
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(new javax.net.ssl.KeyManager[0], trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new TlsException(what + ": cannot build a trust store (" + e.getMessage() + ")", e);
    }
  }
}
