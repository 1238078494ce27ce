package io.lazarus.cli.commands.instance;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "ignore", description = "Ignore an instance: the Health Monitor, cloud check and deploys leave it alone")
public final class IgnoreCommand extends LazarusSubcommand {
  @Parameters(paramLabel = "INSTANCE-GROUP/INSTANCE-ID")
  private String instance;

  @Override
  protected void run(Session session) {
    InstanceSlug.of(instance).setIgnored(session, true);
  }
}
