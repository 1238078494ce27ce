package io.lazarus.cli.commands.instance;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "unignore", description = "Unignore an instance")
public final class UnignoreCommand extends LazarusSubcommand {
  @Parameters(paramLabel = "INSTANCE-GROUP/INSTANCE-ID")
  private String instance;

  @Override
  protected void run(Session session) {
    InstanceSlug.of(instance).setIgnored(session, false);
  }
}
