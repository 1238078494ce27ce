package io.lazarus.cli.interpolation.generate;

import io.lazarus.cli.interpolation.template.InterpolationException;
import java.security.SecureRandom;
import java.time.Clock;

/** The generator for each variable type the bosh CLI generates itself. */
public final class ValueGenerators {
  private final CertificateLoader certificates;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param certificates where a certificate's {@code ca} is found
   * @param clock when generated certificates start being valid
   */
  public ValueGenerators(CertificateLoader certificates, Clock clock) {
    this.certificates = certificates;
    this.clock = clock;
  }

  /** @throws InterpolationException for a type the bosh CLI does not generate ("Unsupported value type: user") */
  public ValueGenerator forType(String type) {
    return switch (type) {
      case "password" -> new PasswordGenerator(random);
      case "certificate" -> new CertificateGenerator(certificates, clock, random);
      case "rsa" -> new RsaKeyGenerator(random);
      case "ssh" -> new SshKeyGenerator(random);
      default -> throw new InterpolationException("Unsupported value type: " + type);
    };
  }
}
