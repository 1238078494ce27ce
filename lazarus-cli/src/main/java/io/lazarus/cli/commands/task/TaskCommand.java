package io.lazarus.cli.commands.task;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.api.Task;
import io.lazarus.cli.ui.TaskReporter;
import java.util.Arrays;
import java.util.Comparator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Follows a task (by default the newest running one) to its end, showing its events, or with one of the output
 * flags that log raw.
 */
@Command(name = "task", aliases = "t", description = "Follow a task's output")
public final class TaskCommand extends LazarusSubcommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "ID")
  private Long id;

  @ArgGroup(exclusive = true)
  private OutputType output;

  static final class OutputType {
    @Option(names = "--event", description = "Raw event log") boolean event;
    @Option(names = "--cpi", description = "CPI log") boolean cpi;
    @Option(names = "--debug", description = "Debug log") boolean debug;
    @Option(names = "--result", description = "Result") boolean result;

    String type() {
      return event ? "event" : cpi ? "cpi" : debug ? "debug" : "result";
    }
  }

  @Override
  protected void run(Session session) throws Exception {
    long taskId = id != null ? id : newestRunning(session);
    TaskReporter reporter = output == null ? TaskReporter.forEvents(session.ui()) : TaskReporter.raw(session.ui());
    session.tasks().follow(taskId, output == null ? "event" : output.type(), reporter);
  }

  private static long newestRunning(Session session) {
    Task[] current = CurrentTasks.list(session.director(), session.deploymentOption().orElse(null));
    return Arrays.stream(current).map(Task::id).max(Comparator.naturalOrder())
        .orElseThrow(() -> new IllegalStateException("No task is running; pass a task ID"));
  }
}
