package io.lazarus.cli.commands.deploy;

import io.lazarus.cli.CommandFailure;
import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.client.Query;
import io.lazarus.cli.interpolation.InterpolationFlags;
import io.lazarus.cli.ui.Diffs;
import io.lazarus.core.json.Json;
import io.lazarus.core.yaml.YamlDocument;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Deploys as the bosh CLI does: the manifest is evaluated with the ops files and variables given, before anything
 * is sent; its name must be the deployment's (-d); the Director's diff is shown, the user asked, then the manifest
 * is posted and the task followed.
 */
@Command(name = "deploy", aliases = "d", description = "Update a deployment (-d) from a manifest")
public final class DeployCommand extends LazarusSubcommand {
  @Parameters(index = "0", paramLabel = "PATH")
  private Path manifestFile;

  @Mixin
  private InterpolationFlags interpolation;

  @Option(names = "--recreate", description = "Recreate all VMs in the deployment")
  private boolean recreate;

  @Option(names = "--fix", description = "Recreate an instance with an unresponsive agent instead of erroring")
  private boolean fix;

  @Option(names = "--dry-run", description = "Plan the deploy without changing anything")
  private boolean dryRun;

  @Option(names = "--recreate-persistent-disks", description = "Recreate all persistent disks in the deployment")
  private boolean recreatePersistentDisks;

  @Option(names = "--skip-drain", arity = "0..1", fallbackValue = "*", paramLabel = "INSTANCE-GROUP",
      description = "Skip running drain and pre-stop scripts for specific instance groups (all without a value)")
  private List<String> skipDrain = List.of();

  @Option(names = "--canaries", description = "Override manifest values for canaries")
  private String canaries;

  @Option(names = "--max-in-flight", description = "Override manifest values for max_in_flight")
  private String maxInFlight;

  @Option(names = "--no-redact", description = "Show non-redacted manifest diff")
  private boolean noRedact;

  @Override
  protected void run(Session session) throws Exception {
    String manifest = interpolation.evaluate(manifestFile, session.environment(), "Evaluating manifest");
    String deployment = session.deployment();
    Object name = YamlDocument.parse(manifestFile.toString(), manifest).rootMap().get("name");
    if (!deployment.equals(name)) {
      throw new IllegalArgumentException("Expected manifest to specify deployment name '" + deployment + "' but was '" + name + "'");
    }
    DiffAnswer diff;
    try {
      String diffPath = Query.of().with("redact", String.valueOf(!noRedact)).appendTo("/deployments/" + Query.segment(deployment) + "/diff");
      String answer = session.director().send("POST", diffPath, BodyPublishers.ofString(manifest), "text/yaml").body();
      diff = Json.read(answer, DiffAnswer.class);
    } catch (RuntimeException e) {
      throw new CommandFailure("Fetching diff result", e);
    }
    Diffs.print(session.ui(), diff.diff() == null ? List.of() : diff.diff());
    session.prompter().confirm();
    String path = Query.of()
        .with("context", Json.write(diff.context() == null ? Map.of() : diff.context()))
        .flag("dry_run", dryRun)
        .flag("fix", fix)
        .flag("recreate", recreate)
        .flag("recreate_persistent_disks", recreatePersistentDisks)
        .with("skip_drain", skipDrain.isEmpty() ? null : skipDrain.contains("*") ? "*" : String.join(",", skipDrain))
        .with("canaries", canaries)
        .with("max_in_flight", maxInFlight)
        .appendTo("/deployments");
    try {
      session.follow(session.director().sendForTask("POST", path, BodyPublishers.ofString(manifest), "text/yaml"));
    } catch (RuntimeException e) {
      throw new CommandFailure("Updating deployment", e);
    }
  }

  /** What {@code POST /deployments/D/diff} answers. */
  record DiffAnswer(Map<String, Object> context, List<List<String>> diff) {}
}
