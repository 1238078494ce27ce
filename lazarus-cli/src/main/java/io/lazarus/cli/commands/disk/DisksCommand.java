package io.lazarus.cli.commands.disk;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.api.OrphanDisk;
import io.lazarus.cli.ui.Cell;
import io.lazarus.cli.ui.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The bosh CLI's {@code disks --orphaned}: the orphaned disks, newest first. */
@Command(name = "disks", description = "List disks")
public final class DisksCommand extends LazarusSubcommand {
  @Option(names = {"-o", "--orphaned"}, description = "List orphaned disks")
  private boolean orphaned;

  @Override
  protected void run(Session session) {
    if (!orphaned) {
      throw new IllegalArgumentException("Only --orphaned is supported");
    }
    OrphanDisk[] disks = session.director().getJson("/disks", OrphanDisk[].class);
    Table.Builder table = Table.builder("disks", "Disk CID", "Size", "Deployment", "Instance", "AZ", "Orphaned At").sortBy(5, false);
    for (OrphanDisk disk : disks) {
      table.row(Cell.text(disk.diskCid()), Cell.megabytes(disk.size() == null ? 0 : disk.size()), Cell.text(disk.deploymentName()),
          Cell.text(disk.instanceName()), Cell.text(disk.az()), Cell.time(OrphanedAt.parse(disk.orphanedAt())));
    }
    session.ui().printTable(table.build());
  }
}
