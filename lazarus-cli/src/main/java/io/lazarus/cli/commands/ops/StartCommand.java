package io.lazarus.cli.commands.ops;

import picocli.CommandLine.Command;

@Command(name = "start", description = "Start instances' jobs (all, a group, or one instance), making VMs for detached ones")
public final class StartCommand extends InstanceStateCommand {
  @Override
  protected String name() {
    return "start";
  }

  @Override
  protected String state() {
    return "started";
  }

  @Override
  protected String action() {
    return "Starting instances";
  }
}
