package io.lazarus.cli.commands.localcloud;

import io.lazarus.cpi.local.LocalCloud;
import picocli.CommandLine.Command;

@Command(name = "pause", description = "SIGSTOP every process of a VM (alive but silent)")
final class PauseVmCommand extends VmFaultCommand {
  @Override
  protected void apply(LocalCloud cloud, String vmCid) throws Exception {
    cloud.pause(vmCid);
  }

  @Override
  protected String done() {
    return "Paused";
  }
}
