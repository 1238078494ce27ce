package io.lazarus.cli.commands.stemcell;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.api.Stemcell;
import io.lazarus.cli.ui.Cell;
import io.lazarus.cli.ui.Table;
import picocli.CommandLine.Command;

@Command(name = "stemcells", aliases = "ss", description = "List stemcells")
public final class StemcellsCommand extends LazarusSubcommand {
  @Override
  protected void run(Session session) {
    Stemcell[] stemcells = session.director().getJson("/stemcells", Stemcell[].class);
    Table.Builder table = Table.builder("stemcells", "Name", "Version", "OS", "CPI", "CID")
        .sortBy(0, true)
        .sortBy(1, false)
        .note("(*) Currently deployed");
    for (Stemcell stemcell : stemcells) {
      table.row(Cell.text(stemcell.name()), Cell.version(stemcell.version(), stemcell.deployed() ? "*" : ""),
          Cell.text(stemcell.operatingSystem()), Cell.text(stemcell.cpi()), Cell.text(stemcell.cid()));
    }
    session.ui().printTable(table.build());
  }
}
