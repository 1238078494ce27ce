package io.lazarus.director.tls;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** Reads and writes PEM certificates and keys (PKCS#1 or PKCS#8), with errors that name the file. */
public final class Pem {
  private Pem() {}

  public static String write(Object certificateOrKey) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(certificateOrKey);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode PEM", e);
    }
    return out.toString();
  }

  public static X509Certificate readCertificate(Path file) {
    Object object = readObject(file);
    if (object instanceof X509CertificateHolder holder) {
      try {
        return new JcaX509CertificateConverter().getCertificate(holder);
      } catch (java.security.cert.CertificateException e) {
        throw new TlsException(file + ": not a valid X.509 certificate: " + e.getMessage());
      }
    }
    throw new TlsException(file + ": expected a PEM certificate");
  }

  public static PrivateKey readPrivateKey(Path file) {
    Object object = readObject(file);
    try {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (object instanceof PEMKeyPair pair) {
        KeyPair keyPair = converter.getKeyPair(pair);
        return keyPair.getPrivate();
      }
      if (object instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
    } catch (IOException e) {
      throw new TlsException(file + ": unreadable private key: " + e.getMessage());
    }
    throw new TlsException(file + ": expected a PEM private key (PKCS#1 or PKCS#8, unencrypted)");
  }

  private static Object readObject(Path file) {
    try (PEMParser parser = new PEMParser(new StringReader(Files.readString(file)))) {
      Object object = parser.readObject();
      if (object == null) {
        throw new TlsException(file + ": no PEM content");
      }
      return object;
    } catch (IOException e) {
      throw new TlsException(file + ": cannot read: " + e.getMessage());
    }
  }
}
