package io.lazarus.cli.commands.localcloud;

import io.lazarus.cpi.local.LocalCloud;
import picocli.CommandLine.Command;

@Command(name = "resume", description = "SIGCONT every process of a paused VM")
final class ResumeVmCommand extends VmFaultCommand {
  @Override
  protected void apply(LocalCloud cloud, String vmCid) throws Exception {
    cloud.resume(vmCid);
  }

  @Override
  protected String done() {
    return "Resumed";
  }
}
