package io.lazarus.cli.commands.stemcell;

import io.lazarus.cli.CommandFailure;
import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.client.DirectorClient;
import io.lazarus.cli.client.Query;
import io.lazarus.cli.upload.Slug;
import java.net.http.HttpRequest.BodyPublishers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "delete-stemcell", description = "Delete a stemcell")
public final class DeleteStemcellCommand extends LazarusSubcommand {
  @Parameters(index = "0", paramLabel = "NAME/VERSION")
  private String stemcell;

  @Option(names = "--force", description = "Ignore errors")
  private boolean force;

  @Override
  protected void run(Session session) throws Exception {
    Slug slug = parse();
    DirectorClient director = session.director();
    session.prompter().confirm();
    String path = Query.of().flag("force", force)
        .appendTo("/stemcells/" + Query.segment(slug.name()) + "/" + Query.segment(slug.version()));
    try {
      session.follow(director.sendForTask("DELETE", path, BodyPublishers.noBody(), null));
    } catch (RuntimeException e) {
      throw new CommandFailure("Deleting stemcell '" + slug + "'", e);
    }
  }

  private Slug parse() {
    try {
      return Slug.parse(stemcell, true);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }
}
