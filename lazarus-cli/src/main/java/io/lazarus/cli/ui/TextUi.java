package io.lazarus.cli.ui;

import java.io.PrintStream;

/** Plain text on stdout and stderr; a blank line separates a table from what came before, as in the bosh CLI. */
public final class TextUi implements Ui {
  private final PrintStream out;
  private final PrintStream err;
  private boolean printedAnything;

  public TextUi(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public void printLine(String line) {
    out.println(line);
    printedAnything = true;
  }

  @Override
  public void printClosingLine(String line) {
    out.println();
    out.println(line);
  }

  @Override
  public void printErrorLine(String line) {
    out.flush();
    err.println(line);
    err.flush();
  }

  @Override
  public void printBlock(String block) {
    out.print(block);
    out.flush();
    printedAnything = true;
  }

  @Override
  public void printTable(Table table) {
    if (printedAnything) {
      out.println();
    }
    out.print(TableText.render(table));
    printedAnything = true;
  }

  @Override
  public void flush() {
    out.flush();
    err.flush();
  }
}
