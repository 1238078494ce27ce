package io.lazarus.cli.ui;

import java.util.List;

/** Prints a Director diff ({@code [[line, "added"|"removed"|null], ...]}) with the bosh CLI's {@code +}/{@code -} marks. */
public final class Diffs {
  private Diffs() {}

  public static void print(Ui ui, List<List<String>> diff) {
    for (List<String> entry : diff) {
      String line = entry.isEmpty() ? "" : entry.get(0);
      String state = entry.size() > 1 ? entry.get(1) : null;
      String marker = "added".equals(state) ? "+ " : "removed".equals(state) ? "- " : "  ";
      ui.printLine(marker + line);
    }
  }
}
