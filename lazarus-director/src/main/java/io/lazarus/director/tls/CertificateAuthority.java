package io.lazarus.director.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import io.lazarus.core.files.FileTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Generates the Director's TLS material on first start: a CA and an RSA server certificate whose SANs cover the
 * listen address, loopback and the host name (Go's verifier, used by the bosh CLI, needs a matching SAN). RSA,
 * because bosh CLI v7 offers only ECDHE-RSA suites on TLS 1.2. Keys are written readable by the owner only.
 */
public final class CertificateAuthority {
  private static final Duration CA_VALIDITY = Duration.ofDays(3650);
  private static final Duration SERVER_VALIDITY = Duration.ofDays(825);

  private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private CertificateAuthority() {}

  /**
   * Loads the material in {@code dir}, generating it when absent. An existing certificate is kept even if the
   * address changed; the files are the operator's to replace.
   */
  public static TlsMaterial loadOrGenerate(Path dir, String address) throws IOException {
    return loadOrGenerate(dir, address, "Lazarus Director CA");
  }

  /** As {@link #loadOrGenerate(Path, String)}, with a CA named {@code caCommonName} (another server's own CA). */
  public static TlsMaterial loadOrGenerate(Path dir, String address, String caCommonName) throws IOException {
    Path caFile = dir.resolve("ca.pem");
    Path certFile = dir.resolve("server.pem");
    Path keyFile = dir.resolve("server.key");
    if (!Files.exists(certFile) || !Files.exists(keyFile) || !Files.exists(caFile)) {
      generate(dir, address, caCommonName);
    }
    return TlsMaterial.load(certFile, keyFile, caFile);
  }

  private static void generate(Path dir, String address, String caCommonName) throws IOException {
    Files.createDirectories(dir);
    try {
      KeyPair caKeys = rsa();
      X500Name caName = new X500Name("CN=" + caCommonName + ",O=Lazarus");
      Instant now = Instant.now();
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder ca =
          new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now.minusSeconds(300)), Date.from(now.plus(CA_VALIDITY)), caName, caKeys.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
              .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(caKeys.getPublic()));
      X509Certificate caCert = sign(ca, caKeys);

      KeyPair serverKeys = rsa();
      X509v3CertificateBuilder server =
          new JcaX509v3CertificateBuilder(caCert, serial(), Date.from(now.minusSeconds(300)), Date.from(now.plus(SERVER_VALIDITY)), new X500Name("CN=" + address + ",O=Lazarus"), serverKeys.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
              .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
              .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert))
              .addExtension(Extension.subjectAlternativeName, false, subjectAltNames(address));
      X509Certificate serverCert = sign(server, caKeys);

      FileTrees.writeAtomically(dir.resolve("ca.key"), Pem.write(caKeys.getPrivate()).getBytes(), OWNER_ONLY);
      FileTrees.writeAtomically(dir.resolve("server.key"), Pem.write(serverKeys.getPrivate()).getBytes(), OWNER_ONLY);
      FileTrees.writeAtomically(dir.resolve("server.pem"), (Pem.write(serverCert) + Pem.write(caCert)).getBytes(), null);
      FileTrees.writeAtomically(dir.resolve("ca.pem"), Pem.write(caCert).getBytes(), null);
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new TlsException("cannot generate TLS material in " + dir + ": " + e.getMessage());
    }
  }

  private static GeneralNames subjectAltNames(String address) {
    Set<String> ips = new LinkedHashSet<>(List.of("127.0.0.1", "::1"));
    Set<String> dns = new LinkedHashSet<>(List.of("localhost"));
    if (address.matches("[0-9.]+") || address.contains(":")) {
      ips.add(address);
    } else {
      dns.add(address);
    }
    try {
      dns.add(InetAddress.getLocalHost().getHostName());
    } catch (UnknownHostException e) {
      // no host name to add; loopback names still cover local use
    }
    List<GeneralName> names = new ArrayList<>();
    ips.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
    dns.forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
    return new GeneralNames(names.toArray(GeneralName[]::new));
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer) throws Exception {
    ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuer.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  private static KeyPair rsa() throws NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048, new SecureRandom());
    return generator.generateKeyPair();
  }

  static BigInteger serial() {
    return new BigInteger(64, new SecureRandom()).add(BigInteger.ONE);
  }
}
