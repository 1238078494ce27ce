package io.lazarus.cli;

/** The {@code lazarus} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.run(args, CliEnvironment.system()));
  }
}
