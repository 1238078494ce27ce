package io.lazarus.monitor.plugins;

import io.lazarus.monitor.events.Alert;

/** Where plugins raise alerts of their own: back into the HM's event processor, so every plugin sees them. */
@FunctionalInterface
public interface AlertSink {
  void emit(Alert alert);
}
