package io.lazarus.cli.commands.localcloud;

import io.lazarus.cpi.local.LocalCloud;
import picocli.CommandLine.Command;

@Command(name = "crash", description = "SIGKILL a VM's agent only (the VM stays, its agent falls silent)")
final class CrashVmCommand extends VmFaultCommand {
  @Override
  protected void apply(LocalCloud cloud, String vmCid) throws Exception {
    cloud.crash(vmCid);
  }

  @Override
  protected String done() {
    return "Crashed";
  }
}
