package io.lazarus.cli.commands.env;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The bosh v1 spelling of {@code alias-env}. */
@Command(name = "target", description = "Give the Director at URL a name (old spelling of alias-env)")
public final class TargetCommand extends LazarusSubcommand {
  @Parameters(index = "0", paramLabel = "URL")
  private String url;

  @Parameters(index = "1", paramLabel = "ALIAS")
  private String alias;

  @Override
  protected void run(Session session) {
    Aliases.save(session, alias, url);
  }
}
