package io.lazarus.cli.commands.task;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.api.Task;
import io.lazarus.cli.client.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "tasks", aliases = "ts", description = "List running tasks, or recent ones with -r")
public final class TasksCommand extends LazarusSubcommand {
  @Option(names = {"-r", "--recent"}, arity = "0..1", fallbackValue = "30", paramLabel = "N",
      description = "Show the N most recent tasks (default N: 30)")
  private Integer recent;

  @Option(names = {"-a", "--all"}, description = "Include all task types (cloud checks, vms, ...)")
  private boolean all;

  @Override
  protected void run(Session session) {
    String deployment = session.deploymentOption().orElse(null);
    if (recent == null) {
      session.ui().printTable(TaskTable.of(CurrentTasks.list(session.director(), deployment), false));
      return;
    }
    if (recent < 1) {
      throw usage("--recent must be at least 1, got " + recent);
    }
    String path = Query.of().with("deployment", deployment).with("limit", recent).with("verbose", all ? 2 : 1)
        .appendTo("/tasks");
    session.ui().printTable(TaskTable.of(session.director().getJson(path, Task[].class), true));
  }
}
