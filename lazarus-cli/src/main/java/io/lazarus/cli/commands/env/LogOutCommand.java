package io.lazarus.cli.commands.env;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.Target;
import picocli.CommandLine.Command;

@Command(name = "log-out", description = "Forget the saved credentials of the environment")
public final class LogOutCommand extends LazarusSubcommand {
  @Override
  protected void run(Session session) {
    Target target = session.target();
    session.saveConfig(session.configStore().load().withoutCredentials(target.name()));
    session.ui().printLine("Logged out from '" + target.shownAs() + "'");
  }
}
