package io.lazarus.cli.commands.config;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.api.Config;
import io.lazarus.cli.client.DirectorClient;
import io.lazarus.cli.client.Query;
import io.lazarus.cli.ui.Cell;
import io.lazarus.cli.ui.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "config", aliases = "c", description = "Show a config by ID, or the latest by --type and --name")
public final class ConfigCommand extends LazarusSubcommand {
  @Mixin
  private ConfigSelector selector;

  @Override
  protected void run(Session session) {
    String problem = selector.problem();
    if (problem != null) {
      throw usage(problem);
    }
    DirectorClient director = session.director();
    Config config;
    if (selector.byId()) {
      config = director.getJson("/configs/" + Query.segment(selector.id), Config.class);
    } else {
      Config[] latest = director.getJson(selector.latestPath(), Config[].class);
      if (latest.length == 0) {
        throw new IllegalStateException("No config with " + selector);
      }
      config = latest[0];
    }
    session.ui().printTable(Table.builder("", "ID", "Type", "Name", "Created At", "Content")
        .transposed()
        .row(Cell.text(config.id()), Cell.text(config.type()), Cell.text(config.name()),
            Cell.text(ConfigTimes.shown(config.createdAt())), Cell.text(config.content()))
        .build());
  }
}
