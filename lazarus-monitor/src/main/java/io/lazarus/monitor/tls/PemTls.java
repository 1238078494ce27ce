package io.lazarus.monitor.tls;

import io.lazarus.core.tls.Pem;
import io.lazarus.core.tls.TlsContexts;
import io.lazarus.core.tls.TlsException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * TLS from the PEM files an operator names in hm.yml, with errors that name the file: a server identity for the
 * ingest listener, a trust anchor for the Director and webhook clients. Keys may be PKCS#8, PKCS#1 or SEC1 ("EC
 * PRIVATE KEY", as OpenSSL and BouncyCastle write EC keys), which is why keys go through BouncyCastle here while
 * certificates and trust use the JDK-only {@link io.lazarus.core.tls} helpers.
 */
public final class PemTls {
  private static final char[] NO_PASSWORD = new char[0];

  private PemTls() {}

  /** A key store holding the chain in {@code certificateFile} and the key in {@code keyFile} under alias "hm". */
  public static KeyStore identity(Path certificateFile, Path keyFile) {
    List<X509Certificate> chain = Pem.certificates(read(certificateFile), certificateFile.toString());
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
    return TlsContexts.trusting(read(caFile), caFile.toString());
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
    throw new TlsException(file + ": expected a PEM private key (PKCS#1, PKCS#8 or SEC1, unencrypted)");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new TlsException(file + ": cannot read: " + e.getMessage(), e);
    }
  }
}
