package io.lazarus.core.manifest;

import java.util.Locale;

/** Whether an instance group runs continuously ({@code service}) or on demand ({@code errand}). */
public enum Lifecycle {
  SERVICE,
  ERRAND;

  public String manifestName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
