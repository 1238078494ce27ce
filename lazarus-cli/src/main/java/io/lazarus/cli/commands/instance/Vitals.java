package io.lazarus.cli.commands.instance;

import io.lazarus.cli.api.VmState;
import io.lazarus.cli.ui.Cell;
import java.util.List;
import java.util.Map;

/** The vitals columns of {@code instances --vitals} and {@code vms --vitals}, formatted as the bosh CLI does. */
final class Vitals {
  private Vitals() {}

  static List<Cell> cells(VmState state) {
    Map<String, Object> vitals = state.vitals() == null ? Map.of() : state.vitals();
    return List.of(
        Cell.text(InstanceTable.dash(state.vmCreatedAt())),
        Cell.text(uptime(child(vitals, "uptime").get("secs"))),
        Cell.text(load(vitals.get("load"))),
        Cell.text(cpuTotal(state)),
        Cell.text(percent(child(vitals, "cpu").get("user"))),
        Cell.text(percent(child(vitals, "cpu").get("sys"))),
        Cell.text(percent(child(vitals, "cpu").get("wait"))),
        Cell.text(memory(child(vitals, "mem"))),
        Cell.text(memory(child(vitals, "swap"))),
        Cell.text(disk(child(child(vitals, "disk"), "system"))),
        Cell.text(disk(child(child(vitals, "disk"), "ephemeral"))),
        Cell.text(disk(child(child(vitals, "disk"), "persistent"))));
  }

  private static String cpuTotal(VmState state) {
    if (state.processes() == null || state.processes().isEmpty()) {
      return "-";
    }
    double total = 0;
    for (VmState.Process process : state.processes()) {
      Object value = process.cpu() == null ? null : process.cpu().get("total");
      total += value == null ? 0 : Double.parseDouble(value.toString());
    }
    return String.format("%.1f%%", total);
  }

  private static String uptime(Object seconds) {
    if (seconds == null) {
      return "-";
    }
    long secs = (long) Double.parseDouble(seconds.toString());
    return String.format("%dd %dh %dm %ds", secs / 86400, secs % 86400 / 3600, secs % 3600 / 60, secs % 60);
  }

  private static String load(Object load) {
    return load instanceof List<?> values && !values.isEmpty() ? String.join(", ", values.stream().map(Object::toString).toList()) : "-";
  }

  private static String percent(Object value) {
    return value == null ? "-" : value + "%";
  }

  private static String memory(Map<String, Object> mem) {
    if (mem.get("percent") == null) {
      return "-";
    }
    long kb = mem.get("kb") == null ? 0 : (long) Double.parseDouble(mem.get("kb").toString());
    return mem.get("percent") + "% (" + megabytes(kb) + ")";
  }

  private static String megabytes(long kb) {
    return kb >= 1024 * 1024 ? String.format("%.1f GB", kb / 1024.0 / 1024.0) : String.format("%.1f MB", kb / 1024.0);
  }

  private static String disk(Map<String, Object> disk) {
    if (disk.get("percent") == null) {
      return "-";
    }
    return disk.get("percent") + "% (" + disk.getOrDefault("inode_percent", "0") + "i%)";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> map, String key) {
    return map.get(key) instanceof Map<?, ?> child ? (Map<String, Object>) child : Map.of();
  }
}
