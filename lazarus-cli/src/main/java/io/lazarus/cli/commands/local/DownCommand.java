package io.lazarus.cli.commands.local;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cpi.local.LocalCloud;
import io.lazarus.director.store.StoreLayout;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lazarus down}: stops the local Director of {@code up}, its Health Monitor and every VM of its local clouds
 * (its own, and those of the {@code local} CPIs of its cpi config).
 */
@Command(name = "down", description = "Stop the local Director, its Health Monitor and every VM it started")
public final class DownCommand extends LazarusSubcommand {
  @Option(names = "--store", paramLabel = "DIR", description = "Store directory (default: ~/.lazarus/local)")
  private Path store;

  @Override
  protected void run(Session session) throws Exception {
    Path storeDir = (store != null ? store : UpCommand.defaultStore(session)).toAbsolutePath();
    boolean monitorWasRunning = UpCommand.healthMonitor(storeDir).stop();
    boolean directorWasRunning = UpCommand.director(storeDir).stop();
    StoreLayout layout = new StoreLayout(storeDir);
    int vms = stopAll(layout.localCloud());
    if (Files.isDirectory(layout.localClouds())) {
      try (DirectoryStream<Path> clouds = Files.newDirectoryStream(layout.localClouds(), Files::isDirectory)) {
        for (Path cloud : clouds) {
          vms += stopAll(cloud);
        }
      }
    }
    session.environment().out().println((directorWasRunning ? "Stopped the local Director" : "No local Director was running") + (monitorWasRunning ? ", its Health Monitor" : "") + " and " + vms + " VM(s) (store " + storeDir + ")");
  }

  private static int stopAll(Path cloud) throws IOException {
    return Files.isDirectory(cloud) ? new LocalCloud(cloud).stopAll() : 0;
  }
}
