package io.lazarus.cli.commands.ops;

import io.lazarus.cli.CommandFailure;
import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.client.Query;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code recreate}, {@code stop}, {@code start} and {@code restart} share, as the bosh CLI v7 sends it: confirm,
 * then either converge (the default: {@code PUT /deployments/D/jobs/<group or *>[/<id>]?...&state=...} with an empty
 * {@code text/yaml} body) or, with {@code --no-converge}, act on one instance alone ({@code POST
 * /deployments/D/instance_groups/G/ID/actions/<command>}), and follow the task. Subcommands add the flags they take.
 */
abstract class InstanceStateCommand extends LazarusSubcommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "INSTANCE-GROUP[/INSTANCE-ID]")
  private String selector;

  @Option(names = "--canaries", paramLabel = "NUMBER|PERCENT", description = "Override the manifest's canaries")
  private String canaries;

  @Option(names = "--max-in-flight", paramLabel = "NUMBER|PERCENT", description = "Override the manifest's max_in_flight")
  private String maxInFlight;

  @Option(names = "--converge", description = "Converge the deployment state before running action (default)")
  private boolean converge;

  @Option(names = "--no-converge", description = "Act only on specified instance")
  private boolean noConverge;

  /** The command's name, which is also its action in the {@code --no-converge} form. */
  protected abstract String name();

  /** The {@code state} query parameter of the converging form. */
  protected abstract String state();

  /** What the bosh CLI says when the task fails, e.g. "Recreating instances". */
  protected abstract String action();

  /** Adds the subcommand's own flags to the converging request. */
  protected Query withFlags(Query query) {
    return query;
  }

  /** Adds the subcommand's own flags to the {@code --no-converge} request. */
  protected Query withNoConvergeFlags(Query query) {
    return query;
  }

  /** A flag of the subcommand that only the converging form takes and that is set (recreate's {@code dry-run}). */
  protected Optional<String> convergeOnlyFlagSet() {
    return Optional.empty();
  }

  @Override
  protected void run(Session session) throws Exception {
    String deployment = session.deployment();
    InstanceSelector instances = InstanceSelector.of(selector);
    if (noConverge) {
      checkNoConverge(instances);
    }
    session.prompter().confirm();
    String method;
    String path;
    if (noConverge) {
      method = "POST";
      path = withNoConvergeFlags(Query.of()).appendTo(instances.actionPath(deployment, name()));
    } else {
      method = "PUT";
      path = withFlags(Query.of().with("state", state()).with("canaries", canaries).with("max_in_flight", maxInFlight)).appendTo(instances.jobsPath(deployment));
    }
    try {
      session.follow(session.director().sendForTask(method, path, BodyPublishers.noBody(), noConverge ? null : "text/yaml"));
    } catch (RuntimeException e) {
      throw new CommandFailure(action(), e);
    }
  }

  /** The bosh CLI's checks of {@code --no-converge}, in its order and words. */
  private void checkNoConverge(InstanceSelector instances) {
    if (converge) {
      throw new IllegalArgumentException("Can't set converge and no-converge");
    }
    if (canaries != null && !canaries.isEmpty()) {
      throw new IllegalArgumentException("Can't set canaries and no-converge");
    }
    if (maxInFlight != null && !maxInFlight.isEmpty()) {
      throw new IllegalArgumentException("Can't set max-in-flight and no-converge");
    }
    convergeOnlyFlagSet().ifPresent(flag -> {
      throw new IllegalArgumentException("Can't set " + flag + " and no-converge");
    });
    if (!instances.oneInstance()) {
      throw new IllegalArgumentException("You are trying to run " + name() + " with --no-converge on an entire instance group. "
          + "This operation is not allowed. Trying using the --converge flag or running it against a specific instance.");
    }
  }
}
