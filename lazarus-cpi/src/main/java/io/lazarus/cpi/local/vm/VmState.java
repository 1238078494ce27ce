package io.lazarus.cpi.local.vm;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a VM of the local cloud is doing, as its processes show it: {@code running}; {@code paused} (its agent is
 * stopped by SIGSTOP); {@code crashed} (the VM lives but its agent is gone); {@code stopped} (its first process is
 * gone, e.g. after a host restart).
 */
public enum VmState {
  RUNNING,
  PAUSED,
  CRASHED,
  STOPPED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
