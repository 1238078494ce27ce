package io.lazarus.cli.commands.task;

import io.lazarus.cli.CommandFailure;
import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import java.net.http.HttpRequest.BodyPublishers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "cancel-task", aliases = "ct", description = "Cancel a queued or processing task")
public final class CancelTaskCommand extends LazarusSubcommand {
  @Parameters(index = "0", paramLabel = "ID")
  private long id;

  @Override
  protected void run(Session session) {
    try {
      session.director().send("DELETE", "/task/" + id, BodyPublishers.noBody(), null);
    } catch (RuntimeException e) {
      throw new CommandFailure("Cancelling task " + id, e);
    }
  }
}
