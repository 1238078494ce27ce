package io.lazarus.cpi.external;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach an external CPI.
 *
 * @param name the CPI's name as the Director shows it
 * @param executable the program run once per call
 * @param properties the CPI's configured properties, sent in every request's {@code context}
 * @param directorUuid sent as {@code context.director_uuid}
 * @param timeout how long one call may take before its process is killed
 */
public record ExternalCpiConfig(
    String name, Path executable, Map<String, Object> properties, String directorUuid, Duration timeout) {

  public ExternalCpiConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(executable, "executable");
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("CPI '" + name + "': the call timeout must be positive, got " + timeout);
    }
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }
}
