package io.lazarus.cli.commands.release;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.api.Release;
import io.lazarus.cli.ui.Cell;
import io.lazarus.cli.ui.Table;
import picocli.CommandLine.Command;

@Command(name = "releases", aliases = "rs", description = "List releases")
public final class ReleasesCommand extends LazarusSubcommand {
  @Override
  protected void run(Session session) {
    Release[] releases = session.director().getJson("/releases", Release[].class);
    Table.Builder table = Table.builder("releases", "Name", "Version", "Commit Hash")
        .sortBy(0, true)
        .sortBy(1, false)
        .note("(*) Currently deployed")
        .note("(+) Uncommitted changes");
    for (Release release : releases) {
      for (Release.Version version : release.releaseVersions()) {
        table.row(Cell.text(release.name()),
            Cell.version(version.version(), version.currentlyDeployed() ? "*" : ""),
            Cell.text(version.commitHash() + (version.uncommittedChanges() ? "+" : "")));
      }
    }
    session.ui().printTable(table.build());
  }
}
