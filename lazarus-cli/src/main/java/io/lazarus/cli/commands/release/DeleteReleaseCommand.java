package io.lazarus.cli.commands.release;

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

@Command(name = "delete-release", description = "Delete a release, or one version of it")
public final class DeleteReleaseCommand extends LazarusSubcommand {
  @Parameters(index = "0", paramLabel = "NAME[/VERSION]")
  private String release;

  @Option(names = "--force", description = "Ignore errors")
  private boolean force;

  @Override
  protected void run(Session session) throws Exception {
    Slug slug;
    try {
      slug = Slug.parse(release, false);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    DirectorClient director = session.director();
    session.prompter().confirm();
    String path = Query.of().flag("force", force).with("version", slug.version())
        .appendTo("/releases/" + Query.segment(slug.name()));
    try {
      session.follow(director.sendForTask("DELETE", path, BodyPublishers.noBody(), null));
    } catch (RuntimeException e) {
      throw new CommandFailure("Deleting release '" + slug + "'", e);
    }
  }
}
