package io.lazarus.monitor.plugins;

import io.lazarus.monitor.events.Alert;
import io.lazarus.monitor.events.HeartbeatEvent;
import java.time.Instant;

/**
 * A Health Monitor plugin. The HM calls each plugin from one thread of its own, in order, so a plugin needs no
 * locking for its own state; a call that throws is logged and the plugin goes on with the next event.
 */
public interface Plugin extends AutoCloseable {
  String name();

  default void onAlert(Alert alert) {}

  default void onHeartbeat(HeartbeatEvent heartbeat) {}

  /** Called about once a second, so plugins can act on deadlines (retries, verification, long pauses). */
  default void tick(Instant now) {}

  @Override
  default void close() {}
}
