package io.lazarus.agent.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.agent.AgentPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcTextTest {
  static final String MEMINFO = """
      MemTotal:        8000000 kB
      MemFree:         1000000 kB
      MemAvailable:    6000000 kB
      Buffers:          100000 kB
      Cached:          2000000 kB
      SwapTotal:       1000000 kB
      SwapFree:         750000 kB
      HugePages_Total:       0
      """;

  @Test
  void parsesLoadAverages() {
    assertThat(ProcText.loadAverages("0.09 0.04 0.01 1/123 4567\n")).containsExactly("0.09", "0.04", "0.01");
    assertThatThrownBy(() -> ProcText.loadAverages("0.1")).hasMessageContaining("/proc/loadavg");
  }

  @Test
  void computesCpuPercentagesBetweenTwoSamples() {
    ProcText.CpuTimes before = ProcText.cpuTimes("cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 1 2 3 4\n");
    ProcText.CpuTimes after = ProcText.cpuTimes("cpu  130 10 60 880 60 5 5 0 0 0\n");

    ProcText.CpuPercent percent = ProcText.cpuPercent(before, after);

    // 150 jiffies passed: user 40, sys 20, wait 10
    assertThat(percent.user()).isCloseTo(26.67, org.assertj.core.data.Offset.offset(0.01));
    assertThat(percent.sys()).isCloseTo(13.33, org.assertj.core.data.Offset.offset(0.01));
    assertThat(percent.ioWait()).isCloseTo(6.67, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void computesUsedMemoryAndSwap() {
    Map<String, Long> meminfo = ProcText.meminfo(MEMINFO);
    assertThat(ProcText.memUsedKb(meminfo)).isEqualTo(2_000_000);
    assertThat(ProcText.swapUsedKb(meminfo)).isEqualTo(250_000);
    Map<String, Long> old = ProcText.meminfo(MEMINFO.replace("MemAvailable:    6000000 kB\n", ""));
    assertThat(ProcText.memUsedKb(old)).isEqualTo(8_000_000 - 1_000_000 - 100_000 - 2_000_000);
  }

  @Test
  void collectsVitalsAsStringsFromAProcDirectory(@TempDir Path dir) throws Exception {
    Path proc = Files.createDirectories(dir.resolve("proc"));
    Files.writeString(proc.resolve("loadavg"), "0.50 0.25 0.10 2/300 999\n");
    Files.writeString(proc.resolve("stat"), "cpu  300 0 100 600 0 0 0 0\n");
    Files.writeString(proc.resolve("meminfo"), MEMINFO);
    Files.writeString(proc.resolve("uptime"), "12345.67 20000.00\n");
    AgentPaths paths = new AgentPaths(dir.resolve("root"));
    Files.createDirectories(paths.data());

    Map<String, Object> vitals = new VitalsCollector(proc, paths, () -> false).collect();

    assertThat(vitals.get("load")).isEqualTo(List.of("0.50", "0.25", "0.10"));
    assertThat(vitals.get("cpu")).isEqualTo(Map.of("user", "30.0", "sys", "10.0", "wait", "0.0"));
    assertThat(vitals.get("mem")).isEqualTo(Map.of("kb", "2000000", "percent", "25"));
    assertThat(vitals.get("swap")).isEqualTo(Map.of("kb", "250000", "percent", "25"));
    assertThat(vitals.get("uptime")).isEqualTo(Map.of("secs", 12345L));
    @SuppressWarnings("unchecked")
    Map<String, Map<String, String>> disks = (Map<String, Map<String, String>>) vitals.get("disk");
    assertThat(disks).containsKeys("system", "ephemeral").doesNotContainKey("persistent");
    assertThat(Integer.parseInt(disks.get("ephemeral").get("percent"))).isBetween(0, 100);
  }

  @Test
  void inodePercentComesFromStatOutput() {
    assertThat(DiskUsage.inodePercentOf("1000 750")).isEqualTo("25");
  }
}
