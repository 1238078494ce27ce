package io.lazarus.director.tls;

import io.lazarus.core.files.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The CA that issues the agents' HTTPS certificates (the agent serves RPCs on its VM's IP; the Director trusts
 * this CA and nothing else for agents). Separate from the Director's own CA, which an operator may supply without
 * its key. EC P-256 throughout: issuing is a matter of milliseconds, where an RSA key costs seconds on a small
 * machine and a deploy issues one certificate per VM.
 *
 * <p>Thread-safe.
 */
public final class AgentCertificateAuthority {
  private static final Duration CA_VALIDITY = Duration.ofDays(3650);
  private static final Duration AGENT_VALIDITY = Duration.ofDays(365);
  private static final String SIGNATURE = "SHA256withECDSA";

  private final X509Certificate caCertificate;
  private final PrivateKey caKey;
  private final Clock clock;

  private AgentCertificateAuthority(X509Certificate caCertificate, PrivateKey caKey, Clock clock) {
    this.caCertificate = caCertificate;
    this.caKey = caKey;
    this.clock = clock;
  }

  /** Loads {@code agents-ca.pem} and {@code agents-ca.key} from {@code dir}, generating them on first use. */
  public static AgentCertificateAuthority loadOrGenerate(Path dir, Clock clock) throws IOException {
    Path certFile = dir.resolve("agents-ca.pem");
    Path keyFile = dir.resolve("agents-ca.key");
    if (!Files.exists(certFile) || !Files.exists(keyFile)) {
      generate(certFile, keyFile, clock);
    }
    return new AgentCertificateAuthority(Pem.readCertificate(certFile), Pem.readPrivateKey(keyFile), clock);
  }

  private static void generate(Path certFile, Path keyFile, Clock clock) throws IOException {
    Files.createDirectories(certFile.getParent());
    KeyPair keys = ecKeys();
    X500Name name = new X500Name("CN=Lazarus Agents CA,O=Lazarus");
    Instant now = clock.instant();
    try {
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(name, CertificateAuthority.serial(), Date.from(now.minusSeconds(300)), Date.from(now.plus(CA_VALIDITY)), name, keys.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
              .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      X509Certificate certificate = sign(builder, keys.getPrivate());
      FileTrees.writeAtomically(keyFile, pkcs8(keys.getPrivate()).getBytes(), PosixFilePermissions.fromString("rw-------"));
      FileTrees.writeAtomically(certFile, Pem.write(certificate).getBytes(), null);
    } catch (IOException e) {
      throw new TlsException("cannot write the agents' CA to " + certFile.getParent() + ": " + e.getMessage());
    }
  }

  /** A server certificate for the agent listening on {@code ip}, with that IP as its only SAN. */
  public AgentCertificate issue(String ip) {
    KeyPair keys = ecKeys();
    Instant now = clock.instant();
    try {
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(caCertificate, CertificateAuthority.serial(), Date.from(now.minusSeconds(300)), Date.from(now.plus(AGENT_VALIDITY)), new X500Name("CN=" + ip + ",O=Lazarus agent"), keys.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
              .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
              .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.iPAddress, ip)));
      return new AgentCertificate(Pem.write(sign(builder, caKey)), pkcs8(keys.getPrivate()), caPem());
    } catch (IOException e) {
      throw new TlsException("cannot issue a certificate for " + ip + ": " + e.getMessage());
    }
  }

  public X509Certificate caCertificate() {
    return caCertificate;
  }

  public String caPem() {
    return Pem.write(caCertificate);
  }

  /** A PEM certificate, its PKCS#8 PEM private key, and the CA that issued it. */
  public record AgentCertificate(String certificate, String privateKey, String ca) {}

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) {
    try {
      return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(issuerKey)));
    } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
      throw new TlsException("cannot sign a certificate: " + e.getMessage());
    }
  }

  /** PKCS#8 ("PRIVATE KEY"), which the agent reads with the JDK alone. */
  private static String pkcs8(PrivateKey key) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded());
    return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
  }

  private static KeyPair ecKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new TlsException("this JDK cannot make EC P-256 keys: " + e.getMessage());
    }
  }
}
