package io.lazarus.cli.interpolation.generate;

import io.lazarus.cli.interpolation.template.InterpolationException;
import io.lazarus.cli.interpolation.template.VariableDefinition;
import io.lazarus.cli.interpolation.template.Variables;
import io.lazarus.core.tls.Pem;
import io.lazarus.core.tls.TlsException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the CA a certificate names with {@code ca:} among all variables (flags, files, the vars store): a value with
 * {@code certificate} and {@code private_key}, the key RSA as the bosh CLI requires. It does not generate the CA; in
 * the {@code variables:} section a CA comes before the certificates it signs.
 */
public final class CertificateLoader {
  private final Variables variables;

  public CertificateLoader(Variables variables) {
    this.variables = variables;
  }

  /** A CA certificate and the key it signs with. */
  record Signer(X509Certificate certificate, PrivateKey key) {}

  Signer load(String name) {
    Optional<Variables.Found> found = variables.get(VariableDefinition.named(name));
    if (found.isEmpty()) {
      throw new InterpolationException("Expected to find variable '" + name + "' with a certificate");
    }
    if (!(found.get().value() instanceof Map<?, ?> value)) {
      throw new InterpolationException("Expected variable '" + name + "' to be deserializable: a map with certificate and private_key");
    }
    return new Signer(certificate(text(value.get("certificate"))), key(text(value.get("private_key"))));
  }

  private static String text(Object value) {
    return value instanceof String text ? text : "";
  }

  private static X509Certificate certificate(String pem) {
    if (!pem.contains("-----BEGIN ")) {
      throw new InterpolationException("Certificate did not contain PEM formatted block");
    }
    try {
      return Pem.certificates(pem, "certificate").getFirst();
    } catch (TlsException e) {
      throw new InterpolationException("Parsing certificate: " + e.getMessage(), e);
    }
  }

  private static PrivateKey key(String pem) {
    if (!pem.contains("-----BEGIN ")) {
      throw new InterpolationException("Private key did not contain PEM formatted block");
    }
    PrivateKey key;
    try {
      key = Pem.privateKey(pem, "private_key");
    } catch (TlsException e) {
      throw new InterpolationException("Parsing private key: " + e.getMessage(), e);
    }
    if (!(key instanceof RSAPrivateKey)) {
      throw new InterpolationException("Parsing private key: expected an RSA key, found " + key.getAlgorithm());
    }
    return key;
  }
}
