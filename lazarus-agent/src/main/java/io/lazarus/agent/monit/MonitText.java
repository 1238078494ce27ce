package io.lazarus.agent.monit;

import io.lazarus.agent.supervisor.ProcessReport;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Renders supervisor reports the way monit 5.2.5 prints {@code summary} and {@code status}. */
final class MonitText {
  static final String VERSION = "5.2.5";
  private static final DateTimeFormatter COLLECTED =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss yyyy", Locale.ROOT);

  /** What {@code monit status} shows for the machine itself. */
  record SystemFigures(double[] loadAverage, long memoryUsedKb, double memoryPercent) {}

  private MonitText() {}

  static String summary(List<ProcessReport> processes, Duration daemonUptime, String systemName) {
    StringBuilder text = new StringBuilder(header(daemonUptime));
    for (ProcessReport process : processes) {
      text.append(String.format(Locale.ROOT, "%-36s%s\n", "Process '" + process.name() + "'",
          process.state().monitWord()));
    }
    text.append(String.format(Locale.ROOT, "%-36s%s\n", "System '" + systemName + "'", "running"));
    return text.toString();
  }

  static String status(List<ProcessReport> processes, Duration daemonUptime, String systemName,
      SystemFigures system, ZonedDateTime now, boolean withSystem) {
    StringBuilder text = new StringBuilder(header(daemonUptime));
    String collected = COLLECTED.format(now);
    for (ProcessReport process : processes) {
      text.append("Process '").append(process.name()).append("'\n");
      field(text, "status", process.state().monitWord());
      field(text, "monitoring status", process.state().monitored() ? "monitored" : "not monitored");
      if (process.pid() > 0) {
        field(text, "pid", Long.toString(process.pid()));
        field(text, "parent pid", Long.toString(process.parentPid()));
        field(text, "uptime", uptime(Duration.ofSeconds(process.uptimeSeconds())));
        field(text, "memory kilobytes", Long.toString(process.memoryKb()));
        field(text, "memory percent", String.format(Locale.ROOT, "%.1f%%", process.memoryPercent()));
        field(text, "cpu percent", String.format(Locale.ROOT, "%.1f%%", process.cpuPercent()));
      }
      field(text, "data collected", collected);
      text.append('\n');
    }
    if (withSystem) {
      text.append("System '").append(systemName).append("'\n");
      field(text, "status", "running");
      field(text, "monitoring status", "monitored");
      double[] load = system.loadAverage();
      field(text, "load average", String.format(Locale.ROOT, "[%.2f] [%.2f] [%.2f]", load[0], load[1], load[2]));
      field(text, "memory usage",
          String.format(Locale.ROOT, "%d kB [%.1f%%]", system.memoryUsedKb(), system.memoryPercent()));
      field(text, "data collected", collected);
      text.append('\n');
    }
    return text.toString();
  }

  /** Monit's uptime: minutes always, hours and days only when there are any ("0m", "2h 5m", "3d 0h 1m"). */
  static String uptime(Duration duration) {
    long days = duration.toDays();
    long hours = duration.toHoursPart();
    long minutes = duration.toMinutesPart();
    StringBuilder text = new StringBuilder();
    if (days > 0) {
      text.append(days).append("d ");
    }
    if (days > 0 || hours > 0) {
      text.append(hours).append("h ");
    }
    return text.append(minutes).append('m').toString();
  }

  private static String header(Duration daemonUptime) {
    return "The Monit daemon " + VERSION + " uptime: " + uptime(daemonUptime) + " \n\n";
  }

  private static void field(StringBuilder text, String name, String value) {
    text.append(String.format(Locale.ROOT, "  %-34s%s\n", name, value));
  }
}
