package io.lazarus.cli.commands.ops;

import io.lazarus.cli.CommandFailure;
import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.client.Query;
import java.net.http.HttpRequest.BodyPublishers;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code recreate}, {@code stop}, {@code start} and {@code restart} share, as the bosh CLI sends it: confirm,
 * then {@code PUT /deployments/D/jobs/<group or *>[/<id>]?...&state=...} with an empty {@code text/yaml} body, and
 * follow the task. Subcommands add the flags they take.
 */
abstract class InstanceStateCommand extends LazarusSubcommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "INSTANCE-GROUP[/INSTANCE-ID]")
  private String selector;

  @Option(names = "--canaries", paramLabel = "NUMBER|PERCENT", description = "Override the manifest's canaries")
  private String canaries;

  @Option(names = "--max-in-flight", paramLabel = "NUMBER|PERCENT", description = "Override the manifest's max_in_flight")
  private String maxInFlight;

  /** The {@code state} query parameter. */
  protected abstract String state();

  /** What the bosh CLI says when the task fails, e.g. "Recreating instances". */
  protected abstract String action();

  /** Adds the subcommand's own flags. */
  protected Query withFlags(Query query) {
    return query;
  }

  @Override
  protected void run(Session session) throws Exception {
    String deployment = session.deployment();
    InstanceSelector instances = InstanceSelector.of(selector);
    session.prompter().confirm();
    Query query = withFlags(Query.of().with("state", state()).with("canaries", canaries).with("max_in_flight", maxInFlight));
    String path = query.appendTo(instances.jobsPath(deployment));
    try {
      session.follow(session.director().sendForTask("PUT", path, BodyPublishers.noBody(), "text/yaml"));
    } catch (RuntimeException e) {
      throw new CommandFailure(action(), e);
    }
  }
}
