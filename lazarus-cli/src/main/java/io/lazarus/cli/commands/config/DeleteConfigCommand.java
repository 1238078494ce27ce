package io.lazarus.cli.commands.config;

import io.lazarus.cli.CommandFailure;
import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.client.DirectorClient;
import io.lazarus.cli.client.DirectorResponseException;
import java.net.http.HttpRequest.BodyPublishers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "delete-config", aliases = "dc", description = "Delete a config by ID, or by --type and --name")
public final class DeleteConfigCommand extends LazarusSubcommand {
  @Mixin
  private ConfigSelector selector;

  @Override
  protected void run(Session session) {
    String problem = selector.problem();
    if (problem != null) {
      throw usage(problem);
    }
    DirectorClient director = session.director();
    session.prompter().confirm();
    try {
      director.send("DELETE", selector.deletePath(), BodyPublishers.noBody(), null);
    } catch (DirectorResponseException e) {
      if (e.status() != 404) {
        throw new CommandFailure("Deleting config with " + selector, e);
      }
      session.ui().printLine("No configs to delete: will not delete");
    }
  }
}
