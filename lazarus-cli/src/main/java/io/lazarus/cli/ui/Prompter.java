package io.lazarus.cli.ui;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Asks the user: {@code Continue? [yN]:} before destructive or changing calls, and text or a password for
 * {@code log-in}. With {@code -n} confirmations pass silently; questions that need an answer then fail, as they
 * do when the output is {@code --json}.
 */
public final class Prompter {
  private final BufferedReader in;
  private final PrintStream out;
  private final Console console;
  private final boolean nonInteractive;
  private final boolean canAsk;

  /**
   * @param console used for passwords so they are not echoed; null when stdin is not a terminal
   * @param canAsk false when the output is machine-readable and must not be mixed with questions
   */
  public Prompter(BufferedReader in, PrintStream out, Console console, boolean nonInteractive, boolean canAsk) {
    this.in = in;
    this.out = out;
    this.console = console;
    this.nonInteractive = nonInteractive;
    this.canAsk = canAsk;
  }

  /** Returns normally on "y"/"yes"; otherwise fails with "Stopped", as the bosh CLI does. */
  public void confirm() {
    if (nonInteractive) {
      return;
    }
    requireAsking("confirmation");
    out.print("Continue? [yN]: ");
    out.flush();
    String answer = readLine();
    String normalized = answer == null ? "" : answer.trim().toLowerCase(Locale.ROOT);
    if (!normalized.equals("y") && !normalized.equals("yes")) {
      throw new StoppedException();
    }
  }

  public String askText(String label) {
    requireAnswerable(label);
    out.print(label + ": ");
    out.flush();
    String answer = readLine();
    return answer == null ? "" : answer.trim();
  }

  public String askPassword(String label) {
    requireAnswerable(label);
    if (console != null) {
      char[] password = console.readPassword("%s: ", label);
      return password == null ? "" : new String(password);
    }
    out.print(label + ": ");
    out.flush();
    String answer = readLine();
    return answer == null ? "" : answer;
  }

  private void requireAnswerable(String what) {
    if (nonInteractive) {
      throw new IllegalStateException("Cannot ask for " + what.toLowerCase(Locale.ROOT)
          + " in non-interactive mode (-n)");
    }
    requireAsking(what.toLowerCase(Locale.ROOT));
  }

  private void requireAsking(String what) {
    if (!canAsk) {
      throw new IllegalStateException("Cannot ask for " + what + " while writing --json output; pass -n");
    }
  }

  private String readLine() {
    try {
      return in.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the answer from standard input", e);
    }
  }

  /** The user did not confirm. */
  public static final class StoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoppedException() {
      super("Stopped");
    }
  }
}
