package io.lazarus.director.tasks;

import java.util.Locale;

/** BOSH's task states, written on the wire in lower case. */
public enum TaskState {
  QUEUED,
  PROCESSING,
  CANCELLING,
  CANCELLED,
  DONE,
  ERROR,
  TIMEOUT;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TaskState fromWire(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }

  /** Queued, processing or cancelling: the task may still change. */
  public boolean isActive() {
    return this == QUEUED || this == PROCESSING || this == CANCELLING;
  }
}
