package io.lazarus.cli;

import io.lazarus.cli.commands.cleanup.CleanUpCommand;
import io.lazarus.cli.commands.config.CloudConfigCommand;
import io.lazarus.cli.commands.config.CpiConfigCommand;
import io.lazarus.cli.commands.config.ConfigCommand;
import io.lazarus.cli.commands.config.ConfigsCommand;
import io.lazarus.cli.commands.config.DeleteConfigCommand;
import io.lazarus.cli.commands.config.UpdateCloudConfigCommand;
import io.lazarus.cli.commands.config.UpdateCpiConfigCommand;
import io.lazarus.cli.commands.config.UpdateConfigCommand;
import io.lazarus.cli.commands.deploy.DeployCommand;
import io.lazarus.cli.commands.deployment.DeleteDeploymentCommand;
import io.lazarus.cli.commands.disk.DeleteDiskCommand;
import io.lazarus.cli.commands.disk.DisksCommand;
import io.lazarus.cli.commands.deployment.DeploymentsCommand;
import io.lazarus.cli.commands.deployment.ManifestCommand;
import io.lazarus.cli.commands.director.DirectorCommand;
import io.lazarus.cli.commands.env.AliasEnvCommand;
import io.lazarus.cli.commands.env.EnvCommand;
import io.lazarus.cli.commands.env.LogInCommand;
import io.lazarus.cli.commands.env.LogOutCommand;
import io.lazarus.cli.commands.env.TargetCommand;
import io.lazarus.cli.commands.event.EventsCommand;
import io.lazarus.cli.commands.cck.CloudCheckCommand;
import io.lazarus.cli.commands.instance.IgnoreCommand;
import io.lazarus.cli.commands.interpolate.InterpolateCommand;
import io.lazarus.cli.commands.instance.InstancesCommand;
import io.lazarus.cli.commands.instance.UnignoreCommand;
import io.lazarus.cli.commands.instance.VmsCommand;
import io.lazarus.cli.commands.local.DownCommand;
import io.lazarus.cli.commands.local.UpCommand;
import io.lazarus.cli.commands.localcloud.LocalCloudCommand;
import io.lazarus.cli.commands.monitor.HealthMonitorCommand;
import io.lazarus.cli.commands.lock.LocksCommand;
import io.lazarus.cli.commands.ops.LogsCommand;
import io.lazarus.cli.commands.ops.RecreateCommand;
import io.lazarus.cli.commands.ops.RestartCommand;
import io.lazarus.cli.commands.ops.StartCommand;
import io.lazarus.cli.commands.ops.StopCommand;
import io.lazarus.cli.commands.release.DeleteReleaseCommand;
import io.lazarus.cli.commands.release.InspectReleaseCommand;
import io.lazarus.cli.commands.release.ReleasesCommand;
import io.lazarus.cli.commands.release.UploadReleaseCommand;
import io.lazarus.cli.commands.resurrection.ResurrectionCommand;
import io.lazarus.cli.commands.resurrection.UpdateResurrectionCommand;
import io.lazarus.cli.commands.stemcell.DeleteStemcellCommand;
import io.lazarus.cli.commands.stemcell.StemcellsCommand;
import io.lazarus.cli.commands.stemcell.UploadStemcellCommand;
import io.lazarus.cli.commands.task.CancelTaskCommand;
import io.lazarus.cli.commands.task.TaskCommand;
import io.lazarus.cli.commands.task.TasksCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root {@code lazarus} command and its global options, which, as in the bosh CLI, may be given before or after
 * the subcommand.
 */
@Command(
    name = "lazarus",
    versionProvider = LazarusVersion.class,
    description = "Deploys and heals BOSH releases; speaks the bosh CLI's commands.",
    subcommands = {
      EnvCommand.class, AliasEnvCommand.class, TargetCommand.class, LogInCommand.class, LogOutCommand.class,
      StemcellsCommand.class, UploadStemcellCommand.class, DeleteStemcellCommand.class,
      ReleasesCommand.class, UploadReleaseCommand.class, DeleteReleaseCommand.class, InspectReleaseCommand.class,
      ConfigsCommand.class, ConfigCommand.class, UpdateConfigCommand.class, DeleteConfigCommand.class,
      CloudConfigCommand.class, UpdateCloudConfigCommand.class, CpiConfigCommand.class, UpdateCpiConfigCommand.class,
      DeploymentsCommand.class, ManifestCommand.class, DeleteDeploymentCommand.class,
      InterpolateCommand.class, DeployCommand.class, InstancesCommand.class, VmsCommand.class, IgnoreCommand.class, UnignoreCommand.class, CloudCheckCommand.class,
      DisksCommand.class, DeleteDiskCommand.class, CleanUpCommand.class,
      RecreateCommand.class, StopCommand.class, StartCommand.class, RestartCommand.class, LogsCommand.class,
      TasksCommand.class, TaskCommand.class, CancelTaskCommand.class,
      LocksCommand.class, EventsCommand.class, UpdateResurrectionCommand.class, ResurrectionCommand.class,
      DirectorCommand.class, HealthMonitorCommand.class, LocalCloudCommand.class, UpCommand.class, DownCommand.class
    })
public final class LazarusCommand implements Runnable {
  // inherited, so that `lazarus deploy --help` shows deploy's usage instead of complaining about a missing PATH
  @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help message and exit")
  private boolean help;

  @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit")
  private boolean version;

  @Option(names = {"-e", "--environment"}, scope = ScopeType.INHERIT, paramLabel = "URL|ALIAS",
      description = "Director URL or alias (env: LAZARUS_ENVIRONMENT, BOSH_ENVIRONMENT)")
  String environment;

  @Option(names = "--ca-cert", scope = ScopeType.INHERIT, paramLabel = "PATH|PEM",
      description = "Director CA certificate (env: BOSH_CA_CERT)")
  String caCert;

  @Option(names = "--client", scope = ScopeType.INHERIT, description = "Client id (env: BOSH_CLIENT)")
  String client;

  @Option(names = "--client-secret", scope = ScopeType.INHERIT,
      description = "Client secret (env: BOSH_CLIENT_SECRET)")
  String clientSecret;

  @Option(names = {"-d", "--deployment"}, scope = ScopeType.INHERIT,
      description = "Deployment name (env: BOSH_DEPLOYMENT)")
  String deployment;

  @Option(names = "--json", scope = ScopeType.INHERIT, description = "Output as JSON")
  boolean json;

  @Option(names = {"-n", "--non-interactive"}, scope = ScopeType.INHERIT,
      description = "Don't ask for user input")
  boolean nonInteractive;

  @Spec
  private CommandSpec spec;

  private final CliEnvironment cliEnvironment;
  private Session session;

  LazarusCommand(CliEnvironment cliEnvironment) {
    this.cliEnvironment = cliEnvironment;
  }

  /** The session of this invocation, built once the options are parsed. */
  Session session() {
    if (session == null) {
      session = new Session(this, cliEnvironment);
    }
    return session;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command");
  }
}
