package io.lazarus.cli.commands.instance;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.api.Deployment;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "vms", description = "List all VMs in all deployments, or in one (-d)")
public final class VmsCommand extends LazarusSubcommand {
  @Option(names = "--vitals", description = "Show vitals")
  private boolean vitals;

  @Option(names = "--cloud-properties", description = "Show cloud properties")
  private boolean cloudProperties;

  @Override
  protected void run(Session session) throws Exception {
    List<String> deployments = session.deploymentOption().isPresent()
        ? List.of(session.deployment())
        : Arrays.stream(session.director().getJson("/deployments?exclude_configs=true", Deployment[].class)).map(Deployment::name).sorted().toList();
    for (String deployment : deployments) {
      var states = VmStates.fetch(session, deployment, "vms");
      session.ui().printLine("\nDeployment '" + deployment + "'");
      session.ui().printTable(InstanceTable.vms(states, vitals, cloudProperties));
    }
  }
}
