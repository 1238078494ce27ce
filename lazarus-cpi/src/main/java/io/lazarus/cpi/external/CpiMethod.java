package io.lazarus.cpi.external;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The methods of the external CPI protocol, API v2, by their wire names ({@code create_vm}, ...). */
public enum CpiMethod {
  INFO,
  CREATE_STEMCELL,
  DELETE_STEMCELL,
  CREATE_VM,
  DELETE_VM,
  HAS_VM,
  REBOOT_VM,
  SET_VM_METADATA,
  CREATE_DISK,
  DELETE_DISK,
  ATTACH_DISK,
  DETACH_DISK,
  HAS_DISK;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<CpiMethod> fromWireName(String name) {
    return Arrays.stream(values()).filter(method -> method.wireName().equals(name)).findFirst();
  }
}
