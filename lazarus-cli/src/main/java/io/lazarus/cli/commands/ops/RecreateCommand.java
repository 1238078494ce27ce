package io.lazarus.cli.commands.ops;

import io.lazarus.cli.client.Query;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "recreate", description = "Recreate instances' VMs (all, a group, or one instance), keeping their disks")
public final class RecreateCommand extends InstanceStateCommand {
  @Option(names = "--skip-drain", description = "Skip running drain scripts")
  private boolean skipDrain;

  @Option(names = "--fix", description = "Recreate an instance with an unresponsive agent instead of erroring")
  private boolean fix;

  @Option(names = "--dry-run", description = "Check what would change without changing anything")
  private boolean dryRun;

  @Override
  protected String name() {
    return "recreate";
  }

  @Override
  protected String state() {
    return "recreate";
  }

  @Override
  protected String action() {
    return "Recreating instances";
  }

  @Override
  protected Query withFlags(Query query) {
    return query.flag("skip_drain", skipDrain).flag("fix", fix).flag("dry_run", dryRun);
  }

  /** {@code --fix} becomes {@code ignore_unresponsive_agent}: the agent is not asked to stop, its VM goes anyway. */
  @Override
  protected Query withNoConvergeFlags(Query query) {
    return query.flag("ignore_unresponsive_agent", fix).flag("skip_drain", skipDrain);
  }

  @Override
  protected Optional<String> convergeOnlyFlagSet() {
    return dryRun ? Optional.of("dry-run") : Optional.empty();
  }
}
