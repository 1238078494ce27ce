package io.lazarus.cli.commands.config;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.api.Config;
import io.lazarus.cli.client.Query;
import io.lazarus.cli.ui.Cell;
import io.lazarus.cli.ui.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "configs", aliases = "cs", description = "List configs")
public final class ConfigsCommand extends LazarusSubcommand {
  @Option(names = "--type", description = "Only configs of this type")
  private String type;

  @Option(names = "--name", description = "Only configs of this name")
  private String name;

  @Option(names = {"-r", "--recent"}, paramLabel = "N", defaultValue = "1",
      description = "Number of versions to show per config (default: ${DEFAULT-VALUE}, the active one)")
  private int recent;

  @Override
  protected void run(Session session) {
    if (recent < 1) {
      throw usage("--recent must be at least 1, got " + recent);
    }
    String path = Query.of().with("latest", recent == 1).with("limit", recent).with("name", name).with("type", type)
        .appendTo("/configs");
    Config[] configs = session.director().getJson(path, Config[].class);
    Table.Builder table = Table.builder("configs", "ID", "Type", "Name", "Team", "Created At")
        .note("(*) Currently active");
    if (recent == 1) {
      table.note("Only showing active configs. To see older versions use the --recent=10 option.");
    }
    for (Config config : configs) {
      table.row(Cell.text(config.id() + (Boolean.TRUE.equals(config.current()) ? "*" : "")),
          Cell.text(config.type()), Cell.text(config.name()), Cell.text(config.team()),
          Cell.text(ConfigTimes.shown(config.createdAt())));
    }
    session.ui().printTable(table.build());
  }
}
