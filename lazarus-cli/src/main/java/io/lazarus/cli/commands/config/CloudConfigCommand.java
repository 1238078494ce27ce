package io.lazarus.cli.commands.config;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import picocli.CommandLine.Command;

@Command(name = "cloud-config", aliases = "cc", description = "Show the current cloud config")
public final class CloudConfigCommand extends LazarusSubcommand {
  @Override
  protected void run(Session session) {
    DefaultConfig.print(session, "cloud", "No cloud config");
  }
}
