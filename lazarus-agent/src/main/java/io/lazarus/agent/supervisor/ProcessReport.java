package io.lazarus.agent.supervisor;

/**
 * One supervised process with the details {@code monit status} shows. {@code pid} and {@code parentPid} are 0, and
 * the figures 0, when no live process is known. Percentages are rounded to one decimal.
 */
public record ProcessReport(
    String name,
    String jobName,
    ProcessState state,
    long pid,
    long parentPid,
    long uptimeSeconds,
    long memoryKb,
    double memoryPercent,
    double cpuPercent) {

  public ProcessStatus toStatus() {
    return new ProcessStatus(name, state.wire(), uptimeSeconds, memoryKb, memoryPercent, cpuPercent);
  }
}
