package io.lazarus.cli.commands.lock;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.api.Lock;
import io.lazarus.cli.ui.Cell;
import io.lazarus.cli.ui.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "locks", description = "List current locks")
public final class LocksCommand extends LazarusSubcommand {
  @Override
  protected void run(Session session) {
    Lock[] locks = session.director().getJson("/locks", Lock[].class);
    Table.Builder table = Table.builder("locks", "Type", "Resource", "Task ID", "Expires At");
    for (Lock lock : locks) {
      table.row(Cell.text(lock.type()),
          Cell.text(String.join(":", lock.resource() == null ? List.of() : lock.resource())),
          Cell.text(lock.taskId()), Cell.time(expiry(lock.timeout())));
    }
    session.ui().printTable(table.build());
  }

  /** {@code "<epoch>.<usec>"} as the Director writes it. */
  private static Instant expiry(String timeout) {
    if (timeout == null || timeout.isBlank()) {
      return null;
    }
    try {
      return Instant.ofEpochSecond(new BigDecimal(timeout.trim()).longValue());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("Director sent a lock timeout that is not epoch seconds: '" + timeout + "'", e);
    }
  }
}
