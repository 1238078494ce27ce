package io.lazarus.cli.commands.config;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import picocli.CommandLine.Command;

/** The cpi config is the config of type {@code cpi} named {@code default} (the bosh CLI's {@code cpi-config}). */
@Command(name = "cpi-config", description = "Show the current CPI config")
public final class CpiConfigCommand extends LazarusSubcommand {
  @Override
  protected void run(Session session) {
    DefaultConfig.print(session, "cpi", "No CPI config");
  }
}
