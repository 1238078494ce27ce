package io.lazarus.cli.commands.deployment;

import io.lazarus.cli.CommandFailure;
import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.client.Query;
import java.net.http.HttpRequest.BodyPublishers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "delete-deployment", aliases = "deld", description = "Delete the deployment (-d) and its VMs")
public final class DeleteDeploymentCommand extends LazarusSubcommand {
  @Option(names = "--force", description = "Ignore errors while deleting")
  private boolean force;

  @Override
  protected void run(Session session) throws Exception {
    String deployment = session.deployment();
    session.prompter().confirm();
    String path = Query.of().flag("force", force).appendTo("/deployments/" + Query.segment(deployment));
    try {
      session.follow(session.director().sendForTask("DELETE", path, BodyPublishers.noBody(), null));
    } catch (RuntimeException e) {
      throw new CommandFailure("Deleting deployment '" + deployment + "'", e);
    }
  }
}
