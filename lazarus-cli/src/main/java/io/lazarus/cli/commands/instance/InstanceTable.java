package io.lazarus.cli.commands.instance;

import io.lazarus.cli.api.VmState;
import io.lazarus.cli.ui.Cell;
import io.lazarus.cli.ui.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The bosh CLI's instance and VM tables: the columns each flag adds, and process rows under each instance. */
final class InstanceTable {
  private static final List<String> DETAILS = List.of("State", "VM CID", "VM Type", "Disk CIDs", "Agent ID", "Index", "Bootstrap", "Ignore");
  private static final List<String> VITALS = List.of(
      "VM Created At", "Uptime", "Load\n(1m, 5m, 15m)", "CPU\nTotal", "CPU\nUser", "CPU\nSys", "CPU\nWait",
      "Memory\nUsage", "Swap\nUsage", "System\nDisk Usage", "Ephemeral\nDisk Usage", "Persistent\nDisk Usage");

  private InstanceTable() {}

  /** With {@code failing}, as the bosh CLI: instances whose process state or any process is not running, and only their processes that are not. */
  static Table instances(List<VmState> states, boolean processes, boolean details, boolean vitals, boolean failing) {
    List<String> header = new ArrayList<>(List.of("Instance"));
    if (processes) {
      header.add("Process");
    }
    header.addAll(List.of("Process State", "AZ", "IPs"));
    if (details) {
      header.addAll(DETAILS);
    }
    if (vitals) {
      header.addAll(VITALS);
    }
    Table.Builder table = Table.builder("instances", header.toArray(String[]::new));
    List<VmState> shown = sorted(states).stream().filter(state -> !failing || !state.running()).toList();
    for (VmState state : shown) {
      List<Cell> row = new ArrayList<>(List.of(Cell.text(state.instanceName())));
      if (processes) {
        row.add(Cell.text("-"));
      }
      row.addAll(List.of(Cell.text(processState(state)), Cell.text(dash(state.az())), Cell.text(String.join("\n", state.ips()))));
      if (details) {
        row.addAll(List.of(
            Cell.text(dash(state.state())), Cell.text(dash(state.vmCid())), Cell.text(dash(state.vmType())),
            Cell.text(String.join("\n", state.diskCids() == null ? List.of() : state.diskCids())), Cell.text(dash(state.agentId())),
            Cell.text(state.index() == null ? "-" : state.index().toString()), Cell.text(state.bootstrap() ? "true" : "false"),
            Cell.text(state.ignore() ? "true" : "false")));
      }
      if (vitals) {
        row.addAll(Vitals.cells(state));
      }
      table.row(row.toArray(Cell[]::new));
      if (processes && state.processes() != null) {
        for (VmState.Process process : state.processes()) {
          if (failing && process.running()) {
            continue;
          }
          List<Cell> processRow = new ArrayList<>(List.of(Cell.text("~"), Cell.text(process.name()), Cell.text(dash(process.state())), Cell.text(""), Cell.text("")));
          while (processRow.size() < header.size()) {
            processRow.add(Cell.text(""));
          }
          table.row(processRow.toArray(Cell[]::new));
        }
      }
    }
    return table.count(shown.size()).build();
  }

  static Table vms(List<VmState> states, boolean vitals, boolean cloudProperties) {
    List<String> header = new ArrayList<>(List.of("Instance", "Process State", "AZ", "IPs", "VM CID", "VM Type", "Active", "Stemcell"));
    if (vitals) {
      header.addAll(VITALS);
    }
    if (cloudProperties) {
      header.add("Cloud Properties");
    }
    Table.Builder table = Table.builder("vms", header.toArray(String[]::new));
    for (VmState state : sorted(states)) {
      List<Cell> row = new ArrayList<>(List.of(
          Cell.text(state.instanceName()), Cell.text(processState(state)), Cell.text(dash(state.az())),
          Cell.text(String.join("\n", state.ips())), Cell.text(dash(state.vmCid())), Cell.text(dash(state.vmType())),
          Cell.text(state.active() ? "true" : "false"), Cell.text(stemcell(state.stemcell()))));
      if (vitals) {
        row.addAll(Vitals.cells(state));
      }
      if (cloudProperties) {
        row.add(Cell.text(dash(CloudPropertiesText.of(state.cloudProperties()))));
      }
      table.row(row.toArray(Cell[]::new));
    }
    return table.build();
  }

  /** Instances in name order; a group's process rows stay under their instance, so rows are not re-sorted. */
  private static List<VmState> sorted(List<VmState> states) {
    return states.stream().sorted(java.util.Comparator.comparing(VmState::instanceName)).toList();
  }

  private static String processState(VmState state) {
    return state.vmCid() == null ? "-" : dash(state.jobState());
  }

  private static String stemcell(Map<String, Object> stemcell) {
    if (stemcell == null || stemcell.get("name") == null) {
      return "-";
    }
    return stemcell.get("name") + "/" + stemcell.get("version");
  }

  static String dash(String value) {
    return value == null || value.isEmpty() ? "-" : value;
  }
}
