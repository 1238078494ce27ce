package io.lazarus.cli.commands.env;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "alias-env", description = "Give the Director at -e URL (trusting --ca-cert) a name")
public final class AliasEnvCommand extends LazarusSubcommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "Alias to save")
  private String alias;

  @Override
  protected void run(Session session) {
    Aliases.save(session, alias, session.environmentName());
  }
}
