package io.lazarus.cli.commands.localcloud;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import picocli.CommandLine.Command;

/**
 * {@code lazarus local-cloud ...}: the local cloud's console. Its subcommands run through this command, so they
 * share the invocation's session (output, {@code --json}, the closing line) like every other command.
 */
@Command(
    name = "local-cloud",
    description = "Look at the local cloud's VMs and disks; terminate, crash, pause or resume a VM",
    subcommands = {
      LocalVmsCommand.class, LocalDisksCommand.class, TerminateVmCommand.class, CrashVmCommand.class,
      PauseVmCommand.class, ResumeVmCommand.class
    })
public final class LocalCloudCommand extends LazarusSubcommand {
  private LocalCloudSubcommand chosen;

  /** Runs {@code subcommand} in this invocation's session. */
  Integer runSubcommand(LocalCloudSubcommand subcommand) throws Exception {
    chosen = subcommand;
    return call();
  }

  @Override
  protected void run(Session session) throws Exception {
    if (chosen == null) {
      throw usage("Missing subcommand: vms, disks, terminate, crash, pause or resume");
    }
    chosen.run(session);
  }
}
