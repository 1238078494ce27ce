package io.lazarus.cli.commands.localcloud;

import io.lazarus.cli.Session;
import io.lazarus.cli.ui.Cell;
import io.lazarus.cli.ui.Table;
import io.lazarus.cpi.local.LocalCloud;
import io.lazarus.cpi.local.LocalDisk;
import picocli.CommandLine.Command;

@Command(name = "disks", description = "List the local cloud's persistent disks")
final class LocalDisksCommand extends LocalCloudSubcommand {
  @Override
  protected void run(Session session, LocalCloud cloud) throws Exception {
    Table.Builder table = Table.builder("disks", "Disk CID", "Size (MiB)", "Attached To", "Created At")
        .sortBy(0, true);
    for (LocalDisk disk : cloud.disks()) {
      table.row(Cell.text(disk.cid()), Cell.number(disk.sizeMb()), Cell.text(disk.attachedTo()),
          Cell.time(disk.createdAt()));
    }
    session.ui().printTable(table.build());
  }
}
