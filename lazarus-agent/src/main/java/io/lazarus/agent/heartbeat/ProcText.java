package io.lazarus.agent.heartbeat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Parsers for the /proc files vitals come from; pure functions over their text, so tests feed samples. */
public final class ProcText {
  private ProcText() {}

  /** The first three fields of /proc/loadavg. */
  public static String[] loadAverages(String loadavg) {
    String[] fields = loadavg.trim().split("\\s+");
    if (fields.length < 3) {
      throw new IllegalArgumentException("/proc/loadavg: expected 3 load averages, got '" + loadavg.trim() + "'");
    }
    return new String[] {fields[0], fields[1], fields[2]};
  }

  /** The aggregate {@code cpu} line of /proc/stat, in jiffies. */
  public record CpuTimes(long user, long nice, long system, long idle, long iowait, long irq, long softirq, long steal) {
    long total() {
      return user + nice + system + idle + iowait + irq + softirq + steal;
    }
  }

  public static CpuTimes cpuTimes(String stat) {
    for (String line : stat.split("\n")) {
      if (line.startsWith("cpu ")) {
        String[] f = line.trim().split("\\s+");
        long[] v = new long[8];
        for (int i = 0; i < 8; i++) {
          v[i] = i + 1 < f.length ? Long.parseLong(f[i + 1]) : 0;
        }
        return new CpuTimes(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
      }
    }
    throw new IllegalArgumentException("/proc/stat: no aggregate 'cpu' line");
  }

  /** Percentages of user (with nice), sys (with irq and softirq) and wait between two samples. */
  public record CpuPercent(double user, double sys, double ioWait) {}

  public static CpuPercent cpuPercent(CpuTimes before, CpuTimes after) {
    double total = after.total() - before.total();
    if (total <= 0) {
      return new CpuPercent(0, 0, 0);
    }
    double user = (after.user() + after.nice()) - (before.user() + before.nice());
    double sys = (after.system() + after.irq() + after.softirq()) - (before.system() + before.irq() + before.softirq());
    double wait = after.iowait() - before.iowait();
    return new CpuPercent(100 * user / total, 100 * sys / total, 100 * wait / total);
  }

  /** /proc/meminfo as key to kB. */
  public static Map<String, Long> meminfo(String meminfo) {
    Map<String, Long> values = new LinkedHashMap<>();
    for (String line : meminfo.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        String[] rest = line.substring(colon + 1).trim().split("\\s+");
        try {
          values.put(line.substring(0, colon), Long.parseLong(rest[0]));
        } catch (NumberFormatException e) {
          // not a number: not a field vitals use
        }
      }
    }
    return values;
  }

  /** Used memory in kB: total minus available (or minus free, buffers and cache on kernels without MemAvailable). */
  public static long memUsedKb(Map<String, Long> meminfo) {
    long total = require(meminfo, "MemTotal");
    Optional<Long> available = Optional.ofNullable(meminfo.get("MemAvailable"));
    long free = available.orElseGet(() ->
        require(meminfo, "MemFree") + meminfo.getOrDefault("Buffers", 0L) + meminfo.getOrDefault("Cached", 0L));
    return Math.max(0, total - free);
  }

  public static long swapUsedKb(Map<String, Long> meminfo) {
    return Math.max(0, meminfo.getOrDefault("SwapTotal", 0L) - meminfo.getOrDefault("SwapFree", 0L));
  }

  /** Whole seconds from the first field of /proc/uptime. */
  public static long uptimeSeconds(String uptime) {
    String first = uptime.trim().split("\\s+")[0];
    return (long) Double.parseDouble(first);
  }

  private static long require(Map<String, Long> meminfo, String key) {
    Long value = meminfo.get(key);
    if (value == null) {
      throw new IllegalArgumentException("/proc/meminfo: no " + key);
    }
    return value;
  }
}
