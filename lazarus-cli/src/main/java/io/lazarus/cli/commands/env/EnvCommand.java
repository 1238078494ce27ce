package io.lazarus.cli.commands.env;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.api.Info;
import picocli.CommandLine.Command;

@Command(name = "env", aliases = "environment", description = "Show the targeted Director's name, version and user")
public final class EnvCommand extends LazarusSubcommand {
  @Override
  protected void run(Session session) {
    Info info = session.director().getJson("/info", Info.class);
    session.ui().printTable(InfoTable.of(info));
  }
}
