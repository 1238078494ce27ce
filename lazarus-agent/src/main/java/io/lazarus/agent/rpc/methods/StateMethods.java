package io.lazarus.agent.rpc.methods;

import io.lazarus.agent.heartbeat.VitalsCollector;
import io.lazarus.agent.install.SpecStore;
import io.lazarus.agent.rpc.Arguments;
import io.lazarus.agent.rpc.MethodRegistry;
import io.lazarus.agent.settings.Settings;
import io.lazarus.agent.settings.SettingsStore;
import io.lazarus.agent.supervisor.JobSupervisor;
import io.lazarus.agent.supervisor.ProcessStatus;
import io.lazarus.agent.json.JsonTrees;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** get_state: the applied spec plus agent_id, job_state, processes, vm and, with "full", vitals. */
public final class StateMethods {
  private final SettingsStore settings;
  private final SpecStore specs;
  private final JobSupervisor supervisor;
  private final VitalsCollector vitals;

  public StateMethods(SettingsStore settings, SpecStore specs, JobSupervisor supervisor, VitalsCollector vitals) {
    this.settings = settings;
    this.specs = specs;
    this.supervisor = supervisor;
    this.vitals = vitals;
  }

  public void register(MethodRegistry registry) {
    registry.sync("get_state", this::getState);
  }

  private Object getState(Arguments args) {
    boolean full = args.optionalString(0, "detail").map("full"::equals).orElse(false);
    Settings current = settings.load();
    ObjectNode state = specs.current();
    state.put("agent_id", current.agentId());
    state.put("job_state", supervisor.jobState().wire());
    state.set("processes", JsonTrees.of(processes(supervisor.processes())));
    state.putObject("vm").put("name", current.vmName());
    if (full) {
      state.set("vitals", JsonTrees.of(vitals.collect()));
    }
    return state;
  }

  static List<Map<String, Object>> processes(List<ProcessStatus> statuses) {
    return statuses.stream().map(status -> {
      Map<String, Object> process = new LinkedHashMap<>();
      process.put("name", status.name());
      process.put("state", status.state());
      process.put("uptime", Map.of("secs", status.uptimeSeconds()));
      process.put("mem", Map.of("kb", status.memoryKb(), "percent", status.memoryPercent()));
      process.put("cpu", Map.of("total", status.cpuTotal()));
      return process;
    }).toList();
  }
}
