package io.lazarus.cli.commands.resurrection;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import picocli.CommandLine.Command;

/**
 * {@code lazarus resurrection ...}: what the Health Monitor does about a deployment's instances. Its subcommands run
 * through this command, so they share the invocation's session (output, {@code --json}, the closing line).
 */
@Command(name = "resurrection", description = "Ask the Health Monitor about resurrection", subcommands = ExplainCommand.class)
public final class ResurrectionCommand extends LazarusSubcommand {
  private ExplainCommand chosen;

  Integer runSubcommand(ExplainCommand subcommand) throws Exception {
    chosen = subcommand;
    return call();
  }

  @Override
  protected void run(Session session) {
    if (chosen == null) {
      throw usage("Missing subcommand: explain");
    }
    chosen.run(session);
  }
}
