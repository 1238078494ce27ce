package io.lazarus.cli.commands.ops;

import io.lazarus.cli.client.Query;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "stop", description = "Stop instances' jobs (all, a group, or one instance); --hard also deletes their VMs")
public final class StopCommand extends InstanceStateCommand {
  @ArgGroup(exclusive = true)
  private Mode mode;

  @Option(names = "--skip-drain", description = "Skip running drain scripts")
  private boolean skipDrain;

  /** {@code --soft} (the default) keeps the VM; {@code --hard} deletes it, keeping the persistent disk. */
  static final class Mode {
    @Option(names = "--soft", description = "Stop the jobs and keep the VM (default)")
    boolean soft;

    @Option(names = "--hard", description = "Stop the jobs and delete the VM (the persistent disk is kept)")
    boolean hard;
  }

  @Override
  protected String name() {
    return "stop";
  }

  @Override
  protected String state() {
    return hard() ? "detached" : "stopped";
  }

  @Override
  protected String action() {
    return "Stopping instances";
  }

  @Override
  protected Query withFlags(Query query) {
    return query.flag("skip_drain", skipDrain);
  }

  @Override
  protected Query withNoConvergeFlags(Query query) {
    return query.flag("hard", hard()).flag("skip_drain", skipDrain);
  }

  private boolean hard() {
    return mode != null && mode.hard;
  }
}
