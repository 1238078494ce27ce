package io.lazarus.agent.testing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throw-away CA issuing server certificates for loopback addresses, all as PEM text. */
public final class TestCa {
  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());
  private static final TestCa SHARED = new TestCa();

  /** One CA per test JVM: RSA key generation is the slow part of starting a fixture. */
  public static TestCa shared() {
    return SHARED;
  }

  private final java.util.Map<String, Issued> issued = new java.util.concurrent.ConcurrentHashMap<>();

  private final KeyPair keys;
  private final X509Certificate certificate;

  /** A leaf certificate and its key, PEM. */
  public record Issued(String certificatePem, String privateKeyPem, String pkcs1PrivateKeyPem) {}

  public TestCa() {
    try {
      keys = rsa();
      X500Name name = new X500Name("CN=Lazarus test CA");
      var builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(Instant.now().minusSeconds(60)),
          Date.from(Instant.now().plusSeconds(86400)), name, keys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      certificate = new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a test CA", e);
    }
  }

  public String caPem() {
    return pem("CERTIFICATE", encoded(certificate));
  }

  /** A server certificate for {@code ip} (and localhost), made once per address. */
  public Issued issue(String ip) {
    return issued.computeIfAbsent(ip, this::newLeaf);
  }

  private Issued newLeaf(String ip) {
    try {
      KeyPair leaf = rsa();
      var builder = new JcaX509v3CertificateBuilder(certificate, serial(), Date.from(Instant.now().minusSeconds(60)),
          Date.from(Instant.now().plusSeconds(86400)), new X500Name("CN=" + ip), leaf.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
              new GeneralName(GeneralName.iPAddress, ip), new GeneralName(GeneralName.dNSName, "localhost")}));
      X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
      return new Issued(pem("CERTIFICATE", cert.getEncoded()), pem("PRIVATE KEY", leaf.getPrivate().getEncoded()), pkcs1(leaf.getPrivate()));
    } catch (Exception e) {
      throw new IllegalStateException("cannot issue a test certificate", e);
    }
  }

  private static String pkcs1(PrivateKey key) throws java.io.IOException {
    byte[] pkcs1 = PrivateKeyInfo.getInstance(key.getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded();
    return pem("RSA PRIVATE KEY", pkcs1);
  }

  private static byte[] encoded(X509Certificate cert) {
    try {
      return cert.getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static BigInteger serial() {
    return BigInteger.valueOf(SERIAL.incrementAndGet());
  }
}
