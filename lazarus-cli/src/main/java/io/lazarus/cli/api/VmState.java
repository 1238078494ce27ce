package io.lazarus.cli.api;

import java.util.List;
import java.util.Map;

/** One result line of the "retrieve vm-stats" task behind {@code vms} and {@code instances}. */
public record VmState(
    String vmCid,
    boolean active,
    String vmCreatedAt,
    String diskCid,
    List<String> diskCids,
    List<String> ips,
    String agentId,
    String jobName,
    Integer index,
    String id,
    String az,
    boolean bootstrap,
    boolean ignore,
    String jobState,
    String state,
    String vmType,
    Map<String, Object> cloudProperties,
    Map<String, Object> vitals,
    List<Process> processes,
    Map<String, Object> stemcell) {

  /** A process of the instance's jobs as the agent reports it. */
  public record Process(String name, String state, Map<String, Object> uptime, Map<String, Object> mem, Map<String, Object> cpu) {
    public boolean running() {
      return "running".equals(state);
    }
  }

  /** As the bosh CLI judges it for {@code instances --failing}: the instance and every one of its processes running. */
  public boolean running() {
    return "running".equals(jobState) && (processes == null || processes.stream().allMatch(Process::running));
  }

  public String instanceName() {
    return jobName + "/" + id;
  }
}
