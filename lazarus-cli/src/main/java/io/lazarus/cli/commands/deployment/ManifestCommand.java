package io.lazarus.cli.commands.deployment;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.api.DeploymentManifest;
import io.lazarus.cli.client.Query;
import picocli.CommandLine.Command;

@Command(name = "manifest", aliases = "man", description = "Show the deployment's manifest (-d)")
public final class ManifestCommand extends LazarusSubcommand {
  @Override
  protected void run(Session session) {
    String deployment = session.deployment();
    DeploymentManifest manifest = session.director().getJson(
        "/deployments/" + Query.segment(deployment), DeploymentManifest.class);
    String text = manifest.manifest() == null ? "" : manifest.manifest();
    session.ui().printBlock(text.isEmpty() || text.endsWith("\n") ? text : text + "\n");
  }
}
