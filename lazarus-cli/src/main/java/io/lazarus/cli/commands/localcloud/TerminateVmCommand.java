package io.lazarus.cli.commands.localcloud;

import io.lazarus.cpi.local.LocalCloud;
import picocli.CommandLine.Command;

@Command(name = "terminate", description = "Kill a VM's processes and forget it (the Director sees a missing VM)")
final class TerminateVmCommand extends VmFaultCommand {
  @Override
  protected void apply(LocalCloud cloud, String vmCid) throws Exception {
    cloud.terminate(vmCid);
  }

  @Override
  protected String done() {
    return "Terminated";
  }
}
