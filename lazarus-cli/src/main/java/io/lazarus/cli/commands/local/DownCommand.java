package io.lazarus.cli.commands.local;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cpi.local.LocalCloud;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lazarus down}: stops the local Director of {@code up}, its Health Monitor and every VM of its local cloud. */
@Command(name = "down", description = "Stop the local Director, its Health Monitor and every VM it started")
public final class DownCommand extends LazarusSubcommand {
  @Option(names = "--store", paramLabel = "DIR", description = "Store directory (default: ~/.lazarus/local)")
  private Path store;

  @Override
  protected void run(Session session) throws Exception {
    Path storeDir = (store != null ? store : UpCommand.defaultStore(session)).toAbsolutePath();
    boolean monitorWasRunning = UpCommand.healthMonitor(storeDir).stop();
    boolean directorWasRunning = UpCommand.director(storeDir).stop();
    Path cloud = storeDir.resolve("local-cloud");
    int vms = Files.isDirectory(cloud) ? new LocalCloud(cloud).stopAll() : 0;
    session.environment().out().println((directorWasRunning ? "Stopped the local Director" : "No local Director was running") + (monitorWasRunning ? ", its Health Monitor" : "") + " and " + vms + " VM(s) (store " + storeDir + ")");
  }
}
