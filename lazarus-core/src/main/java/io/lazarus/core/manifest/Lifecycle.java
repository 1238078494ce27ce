package io.lazarus.core.manifest;

/** Whether an instance group runs continuously ({@code service}) or on demand ({@code errand}). */
public enum Lifecycle {
  SERVICE,
  ERRAND;

  public String manifestName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
