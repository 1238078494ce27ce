package io.lazarus.cli.commands.localcloud;

import io.lazarus.cli.Session;
import io.lazarus.cpi.local.LocalCloud;
import picocli.CommandLine.Parameters;

/** A console action on one VM, named by its cid; says what it did. */
abstract class VmFaultCommand extends LocalCloudSubcommand {
  @Parameters(index = "0", paramLabel = "CID", description = "The VM's cid (see 'local-cloud vms')")
  String cid;

  @Override
  protected final void run(Session session, LocalCloud cloud) throws Exception {
    apply(cloud, cid);
    session.ui().printLine(done() + " VM '" + cid + "'");
  }

  protected abstract void apply(LocalCloud cloud, String vmCid) throws Exception;

  /** The past tense shown after the action, e.g. "Terminated". */
  protected abstract String done();
}
