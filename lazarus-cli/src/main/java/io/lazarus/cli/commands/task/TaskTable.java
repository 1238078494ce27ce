package io.lazarus.cli.commands.task;

import io.lazarus.cli.api.Task;
import io.lazarus.cli.ui.Cell;
import io.lazarus.cli.ui.Table;
import java.time.Instant;

/** The bosh CLI's tasks table, newest first; finish times only for recent (finished) tasks. */
final class TaskTable {
  private TaskTable() {}

  static Table of(Task[] tasks, boolean recent) {
    Table.Builder table = Table.builder("tasks",
            "ID", "State", "Started At", "Finished At", "User", "Deployment", "Description", "Result")
        .sortBy(0, false);
    for (Task task : tasks) {
      table.row(Cell.number(task.id()), Cell.text(task.state()), Cell.time(instant(task.startedAt())),
          recent ? Cell.time(instant(task.timestamp())) : Cell.text("-"), Cell.text(task.user()),
          Cell.text(task.deployment()), Cell.text(task.description()), Cell.text(task.result()));
    }
    return table.build();
  }

  private static Instant instant(Long epochSeconds) {
    return epochSeconds == null || epochSeconds == 0 ? null : Instant.ofEpochSecond(epochSeconds);
  }
}
