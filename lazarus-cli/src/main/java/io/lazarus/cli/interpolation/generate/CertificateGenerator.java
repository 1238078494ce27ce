package io.lazarus.cli.interpolation.generate;

import io.lazarus.cli.interpolation.template.InterpolationException;
import io.lazarus.director.tls.Pem;
import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * A certificate as the bosh CLI's config-server types make one: {@code certificate}, {@code private_key} (PKCS#1)
 * and {@code ca}. With {@code is_ca} a CA, self-signed or, with {@code ca}, signed by that CA (an intermediate);
 * without, a leaf signed by {@code ca} with its {@code alternative_names} (IPs and DNS names) and
 * {@code extended_key_usage}. Subject {@code C=US, O=<organization>, CN=<common_name>}, a random 128-bit serial.
 */
final class CertificateGenerator implements ValueGenerator {
  private static final String SIGNATURE = "SHA256withRSA";

  private final CertificateLoader loader;
  private final Clock clock;
  private final SecureRandom random;

  CertificateGenerator(CertificateLoader loader, Clock clock, SecureRandom random) {
    this.loader = loader;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public Object generate(Object options) {
    CertificateParameters parameters;
    try {
      parameters = CertificateParameters.parse(options);
    } catch (InterpolationException e) {
      throw InterpolationException.wrap("Failed to generate certificate, parameters are invalid", e);
    }
    if (!CertificateParameters.KEY_LENGTHS.contains(parameters.keyLength())) {
      throw new InterpolationException("Invalid key_length: " + parameters.keyLength() + ".  Must be one of: [2048 3072 4096]");
    }
    if (!parameters.isCa() && parameters.ca().isEmpty()) {
      throw new InterpolationException("Missing required CA name");
    }
    CertificateLoader.Signer signer = null;
    if (!parameters.ca().isEmpty()) {
      try {
        signer = loader.load(parameters.ca());
      } catch (InterpolationException e) {
        throw InterpolationException.wrap("Loading certificates", e);
      }
    }
    KeyPair keys = RsaKeys.generate(parameters.keyLength(), random);
    X509Certificate certificate = sign(parameters, keys, signer);
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("ca", Pem.write(signer == null ? certificate : signer.certificate()));
    value.put("certificate", Pem.write(certificate));
    value.put("private_key", Pem.write(keys.getPrivate()));
    return value;
  }

  private X509Certificate sign(CertificateParameters parameters, KeyPair keys, CertificateLoader.Signer signer) {
    Instant now = clock.instant();
    X500Name subject = subject(parameters);
    byte[] keyId = RsaKeys.subjectKeyId((RSAPublicKey) keys.getPublic());
    try {
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
              signer == null ? subject : X500Name.getInstance(signer.certificate().getSubjectX500Principal().getEncoded()),
              new BigInteger(128, random), Date.from(now), Date.from(now.plus(Duration.ofDays(parameters.durationDays()))),
              subject, keys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(parameters.isCa()))
          .addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyId));
      byte[] authorityKeyId = signer == null ? keyId : subjectKeyId(signer.certificate());
      if (authorityKeyId != null) {
        builder.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(authorityKeyId));
      }
      if (parameters.isCa()) {
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyEncipherment | KeyUsage.digitalSignature))
            .addExtension(Extension.extendedKeyUsage, false, extendedKeyUsage(parameters.extendedKeyUsage()));
        if (!parameters.alternativeNames().isEmpty()) {
          builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(parameters.alternativeNames()));
        }
      }
      PrivateKey signingKey = signer == null ? keys.getPrivate() : signer.key();
      return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signingKey)));
    } catch (IOException | OperatorCreationException | CertificateException e) {
      throw new InterpolationException("Generating certificate: " + e.getMessage(), e);
    }
  }

  private static X500Name subject(CertificateParameters parameters) {
    X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "US").addRDN(BCStyle.O, parameters.organization());
    if (!parameters.commonName().isEmpty()) {
      name.addRDN(BCStyle.CN, parameters.commonName());
    }
    return name.build();
  }

  private static ExtendedKeyUsage extendedKeyUsage(List<String> usages) {
    if (usages.isEmpty()) {
      return new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth);
    }
    List<KeyPurposeId> purposes = new ArrayList<>();
    for (String usage : usages) {
      purposes.add(switch (usage) {
        case "client_auth" -> KeyPurposeId.id_kp_clientAuth;
        case "server_auth" -> KeyPurposeId.id_kp_serverAuth;
        default -> throw new InterpolationException("Unsupported extended key usage value: " + usage);
      });
    }
    return new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new));
  }

  private static GeneralNames alternativeNames(List<String> names) {
    return new GeneralNames(names.stream()
        .map(name -> new GeneralName(IPAddress.isValid(name) ? GeneralName.iPAddress : GeneralName.dNSName, name))
        .toArray(GeneralName[]::new));
  }

  /** The CA's subject key id, which becomes the new certificate's authority key id; null when it has none. */
  private static byte[] subjectKeyId(X509Certificate ca) throws CertificateException {
    SubjectKeyIdentifier id = SubjectKeyIdentifier.fromExtensions(new JcaX509CertificateHolder(ca).getExtensions());
    return id == null ? null : id.getKeyIdentifier();
  }
}
