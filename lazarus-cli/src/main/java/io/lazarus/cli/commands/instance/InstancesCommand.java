package io.lazarus.cli.commands.instance;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "instances", aliases = "is", description = "List all instances in a deployment (-d)")
public final class InstancesCommand extends LazarusSubcommand {
  @Option(names = {"-p", "--ps"}, description = "Show processes")
  private boolean processes;

  @Option(names = {"-i", "--details"}, description = "Show details including VM CID, persistent disk CID, etc.")
  private boolean details;

  @Option(names = "--vitals", description = "Show vitals")
  private boolean vitals;

  @Option(names = {"-f", "--failing"}, description = "Only show failing instances")
  private boolean failing;

  @Override
  protected void run(Session session) throws Exception {
    String deployment = session.deployment();
    var states = VmStates.fetch(session, deployment, "instances");
    session.ui().printLine("\nDeployment '" + deployment + "'");
    session.ui().printTable(InstanceTable.instances(states, processes, details, vitals, failing));
  }
}
