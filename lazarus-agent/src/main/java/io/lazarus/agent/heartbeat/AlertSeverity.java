package io.lazarus.agent.heartbeat;

import java.util.Locale;
import java.util.Map;

/**
 * BOSH's severity per monit event (1 alert, 2 critical, 3 error, 4 warning, -1 ignored): failures are raised,
 * recoveries ignored; an event not in the table is critical, as BOSH's agent defaults it.
 */
public final class AlertSeverity {
  public static final int ALERT = 1;
  public static final int CRITICAL = 2;
  public static final int ERROR = 3;
  public static final int WARNING = 4;
  public static final int IGNORED = -1;

  private static final Map<String, Integer> BY_EVENT = Map.ofEntries(
      Map.entry("action done", IGNORED),
      Map.entry("checksum failed", CRITICAL),
      Map.entry("checksum changed", WARNING),
      Map.entry("checksum succeeded", IGNORED),
      Map.entry("connection failed", ALERT),
      Map.entry("connection succeeded", IGNORED),
      Map.entry("data access error", ERROR),
      Map.entry("data access succeeded", IGNORED),
      Map.entry("does not exist", ALERT),
      Map.entry("exists", IGNORED),
      Map.entry("execution failed", ALERT),
      Map.entry("execution succeeded", IGNORED),
      Map.entry("pid failed", CRITICAL),
      Map.entry("pid succeeded", IGNORED),
      Map.entry("ppid failed", CRITICAL),
      Map.entry("ppid succeeded", IGNORED),
      Map.entry("resource limit matched", ERROR),
      Map.entry("resource limit succeeded", IGNORED),
      Map.entry("timeout", CRITICAL),
      Map.entry("timeout recovery", IGNORED),
      Map.entry("process is running", IGNORED),
      Map.entry("process is not running", ALERT),
      Map.entry("start failed", ALERT),
      Map.entry("restart", WARNING),
      Map.entry("started", IGNORED),
      Map.entry("stopped", IGNORED));

  private AlertSeverity() {}

  public static int of(String event) {
    return BY_EVENT.getOrDefault(event == null ? "" : event.toLowerCase(Locale.ROOT).trim(), CRITICAL);
  }
}
