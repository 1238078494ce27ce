package io.lazarus.cli.commands.localcloud;

import io.lazarus.cli.Session;
import io.lazarus.cpi.local.LocalCloud;
import io.lazarus.director.store.StoreLayout;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * A {@code local-cloud} subcommand: it works on the cloud under {@code --root DIR}, or the one of the store
 * {@code --store DIR} (default {@code ~/.lazarus/local}, where {@code lazarus up} keeps its Director).
 */
abstract class LocalCloudSubcommand implements Callable<Integer> {
  @ParentCommand
  private LocalCloudCommand group;

  @ArgGroup(exclusive = true)
  private Location location;

  static final class Location {
    @Option(names = "--root", paramLabel = "DIR", description = "The local cloud's directory")
    Path root;

    @Option(names = "--store", paramLabel = "DIR",
        description = "The Director store whose local cloud to use (default: ~/.lazarus/local)")
    Path store;
  }

  @Override
  public final Integer call() throws Exception {
    return group.runSubcommand(this);
  }

  final void run(Session session) throws Exception {
    run(session, new LocalCloud(root(session)));
  }

  protected abstract void run(Session session, LocalCloud cloud) throws Exception;

  private Path root(Session session) {
    if (location != null && location.root != null) {
      return location.root;
    }
    Path store = location != null && location.store != null
        ? location.store : session.environment().userHome().resolve(".lazarus").resolve("local");
    return new StoreLayout(store).localCloud();
  }
}
