package io.lazarus.cli.commands.deployment;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.api.Deployment;
import io.lazarus.cli.api.NameVersion;
import io.lazarus.cli.ui.Cell;
import io.lazarus.cli.ui.Table;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

@Command(name = "deployments", aliases = "ds", description = "List deployments")
public final class DeploymentsCommand extends LazarusSubcommand {
  @Override
  protected void run(Session session) {
    Deployment[] deployments = session.director().getJson("/deployments?exclude_configs=true", Deployment[].class);
    Table.Builder table = Table.builder("deployments", "Name", "Release(s)", "Stemcell(s)", "Team(s)")
        .sortBy(0, true);
    for (Deployment deployment : deployments) {
      table.row(Cell.text(deployment.name()), Cell.text(lines(deployment.releases())),
          Cell.text(lines(deployment.stemcells())),
          Cell.text(String.join("\n", deployment.teams() == null ? List.of() : deployment.teams())));
    }
    session.ui().printTable(table.build());
  }

  private static String lines(List<NameVersion> items) {
    return items == null ? "" : items.stream().map(NameVersion::toString).sorted().collect(Collectors.joining("\n"));
  }
}
