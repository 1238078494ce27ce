package io.lazarus.cli;

import java.io.Console;

/**
 * Whether the console is a real terminal. From JDK 22 {@link System#console()} exists even when output is
 * redirected and {@code Console.isTerminal()} tells the truth; on JDK 21 a console exists only for a terminal.
 */
final class Terminals {
  private Terminals() {}

  static boolean isTerminal(Console console) {
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }
}
