package io.lazarus.cli.commands.ops;

import io.lazarus.cli.client.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "restart", description = "Stop and start instances' jobs (all, a group, or one instance)")
public final class RestartCommand extends InstanceStateCommand {
  @Option(names = "--skip-drain", description = "Skip running drain scripts")
  private boolean skipDrain;

  @Override
  protected String name() {
    return "restart";
  }

  @Override
  protected String state() {
    return "restart";
  }

  @Override
  protected String action() {
    return "Restarting instances";
  }

  @Override
  protected Query withFlags(Query query) {
    return query.flag("skip_drain", skipDrain);
  }

  @Override
  protected Query withNoConvergeFlags(Query query) {
    return query.flag("skip_drain", skipDrain);
  }
}
