package io.lazarus.cli.ui;

/**
 * Where a command's output goes: the terminal as text, or collected for one {@code --json} document. Mirrors the
 * bosh CLI's UI so that output lands in the same place of its JSON shape (lines, blocks, tables).
 *
 * <p>One thread at a time.
 */
public interface Ui {
  /** A whole line of information ("Using environment ..."). */
  void printLine(String line);

  /** A closing line ("Succeeded", "Exit code 1"), set apart by a blank line in text mode. */
  void printClosingLine(String line);

  /** A whole line about a failure; stderr in text mode. */
  void printErrorLine(String line);

  /** Text printed exactly as given, without an added newline (task output, manifests). */
  void printBlock(String block);

  void printTable(Table table);

  /** Ends the output; the JSON UI writes its document here. */
  void flush();
}
