package io.lazarus.cli.commands.localcloud;

import io.lazarus.cli.Session;
import io.lazarus.cli.ui.Cell;
import io.lazarus.cli.ui.Table;
import io.lazarus.cpi.local.LocalCloud;
import io.lazarus.cpi.local.LocalVm;
import picocli.CommandLine.Command;

@Command(name = "vms", description = "List the local cloud's VMs and their state")
final class LocalVmsCommand extends LocalCloudSubcommand {
  @Override
  protected void run(Session session, LocalCloud cloud) throws Exception {
    Table.Builder table = Table.builder("vms", "VM CID", "Agent ID", "IPs", "Mode", "State", "PID", "Created At")
        .sortBy(6, true)
        .sortBy(0, true);
    for (LocalVm vm : cloud.vms()) {
      table.row(Cell.text(vm.cid()), Cell.text(vm.agentId()), Cell.text(String.join(", ", vm.ips())),
          Cell.text(vm.mode().wireName()), Cell.text(vm.state().wireName()), Cell.number(vm.pid()),
          Cell.time(vm.createdAt()));
    }
    session.ui().printTable(table.build());
  }
}
