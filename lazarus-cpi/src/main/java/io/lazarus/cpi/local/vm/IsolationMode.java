package io.lazarus.cpi.local.vm;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a VM of the local cloud is separated from the host: its own mount and pid namespaces with its root bind-mounted
 * at {@code /var/vcap}, or plain processes that find their root through {@code VCAP_ROOT}.
 */
public enum IsolationMode {
  NAMESPACES,
  PLAIN;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
