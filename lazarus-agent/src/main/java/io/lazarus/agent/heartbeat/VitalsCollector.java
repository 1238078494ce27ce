package io.lazarus.agent.heartbeat;

import io.lazarus.agent.AgentPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * BOSH's vitals (§2.4) from /proc and the file systems: load, cpu (percent since the previous collection), mem,
 * swap, disk for system/ephemeral/persistent, uptime. Every value is a string except {@code uptime.secs}. Thread-safe.
 */
public final class VitalsCollector {
  private final Path proc;
  private final AgentPaths paths;
  private final BooleanSupplier persistentDiskMounted;
  private ProcText.CpuTimes previousCpu;

  /** @param persistentDiskMounted whether {@code store} holds a persistent disk now (then its usage is reported) */
  public VitalsCollector(Path proc, AgentPaths paths, BooleanSupplier persistentDiskMounted) {
    this.proc = proc;
    this.paths = paths;
    this.persistentDiskMounted = persistentDiskMounted;
  }

  public static VitalsCollector forThisMachine(AgentPaths paths, BooleanSupplier persistentDiskMounted) {
    return new VitalsCollector(Path.of("/proc"), paths, persistentDiskMounted);
  }

  public synchronized Map<String, Object> collect() {
    Map<String, Object> vitals = new LinkedHashMap<>();
    try {
      vitals.put("cpu", cpu());
      vitals.put("disk", disks());
      vitals.put("load", List.of(ProcText.loadAverages(read("loadavg"))));
      Map<String, Long> meminfo = ProcText.meminfo(read("meminfo"));
      long memTotal = meminfo.getOrDefault("MemTotal", 0L);
      long memUsed = ProcText.memUsedKb(meminfo);
      vitals.put("mem", Map.of("kb", String.valueOf(memUsed), "percent", percent(memUsed, memTotal)));
      long swapUsed = ProcText.swapUsedKb(meminfo);
      vitals.put("swap", Map.of("kb", String.valueOf(swapUsed), "percent", percent(swapUsed, meminfo.getOrDefault("SwapTotal", 0L))));
      vitals.put("uptime", Map.of("secs", ProcText.uptimeSeconds(read("uptime"))));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot read vitals from " + proc + ": " + e.getMessage(), e);
    }
    return vitals;
  }

  private Map<String, String> cpu() throws IOException {
    ProcText.CpuTimes now = ProcText.cpuTimes(read("stat"));
    ProcText.CpuTimes before = previousCpu == null ? new ProcText.CpuTimes(0, 0, 0, 0, 0, 0, 0, 0) : previousCpu;
    previousCpu = now;
    ProcText.CpuPercent percent = ProcText.cpuPercent(before, now);
    return Map.of("user", oneDecimal(percent.user()), "sys", oneDecimal(percent.sys()), "wait", oneDecimal(percent.ioWait()));
  }

  private Map<String, Object> disks() {
    Map<String, Object> disks = new LinkedHashMap<>();
    DiskUsage.of(Path.of("/")).ifPresent(usage -> disks.put("system", usage));
    DiskUsage.of(paths.data()).ifPresent(usage -> disks.put("ephemeral", usage));
    if (persistentDiskMounted.getAsBoolean()) {
      DiskUsage.of(paths.store()).ifPresent(usage -> disks.put("persistent", usage));
    }
    return disks;
  }

  private String read(String name) throws IOException {
    return Files.readString(proc.resolve(name));
  }

  private static String percent(long part, long whole) {
    return whole <= 0 ? "0" : String.valueOf(Math.round(100.0 * part / whole));
  }

  private static String oneDecimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
