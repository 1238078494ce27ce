package io.lazarus.director.tasks;

import java.util.Locale;
import java.util.Optional;

/** The per-task outputs BOSH keeps: the event log, the result, the debug log and the CPI log. */
public enum OutputType {
  EVENT,
  RESULT,
  DEBUG,
  CPI;

  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Debug and CPI logs may contain secrets; BOSH shows them to admins only. */
  public boolean adminOnly() {
    return this == DEBUG || this == CPI;
  }

  public static Optional<OutputType> fromWire(String value) {
    for (OutputType type : values()) {
      if (type.fileName().equalsIgnoreCase(value)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
