package io.lazarus.cli;

import io.lazarus.core.time.Sleeper;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Everything the CLI takes from the process it runs in, so tests can run it in-process with their own streams,
 * variables, config location, clock and sleeper.
 *
 * @param console the terminal for password prompts; null when there is none
 * @param terminal whether stdout is a terminal (progress bars are drawn only then)
 */
public record CliEnvironment(
    BufferedReader in,
    PrintStream out,
    PrintStream err,
    Map<String, String> variables,
    Path userHome,
    Clock clock,
    Sleeper sleeper,
    Console console,
    boolean terminal) {

  public static CliEnvironment system() {
    Console console = System.console();
    return new CliEnvironment(
        new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())),
        System.out,
        System.err,
        System.getenv(),
        home(),
        Clock.systemUTC(),
        Sleeper.system(),
        console,
        Terminals.isTerminal(console));
  }

  /** $HOME as shells and the bosh CLI see it; the JVM's user.home comes from the password file instead. */
  private static Path home() {
    String home = System.getenv("HOME");
    return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
  }

  /** The first of {@code names} that is set and not blank, or null. */
  public String variable(String... names) {
    for (String name : names) {
      String value = variables.get(name);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
