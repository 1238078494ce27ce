package io.lazarus.cpi.dummy;

import java.util.List;
import java.util.Map;

/** The vitals a simulated agent reports (BOSH's shape): an idle machine, the same on every VM. */
final class SimulatedVitals {
  static final Map<String, Object> IDLE = Map.of(
      "cpu", Map.of("user", "0.0", "sys", "0.0", "wait", "0.0"),
      "disk", Map.of("system", Map.of("percent", "1", "inode_percent", "1")),
      "load", List.of("0.00", "0.00", "0.00"),
      "mem", Map.of("kb", "0", "percent", "0"),
      "swap", Map.of("kb", "0", "percent", "0"),
      "uptime", Map.of("secs", 0));

  private SimulatedVitals() {}
}
