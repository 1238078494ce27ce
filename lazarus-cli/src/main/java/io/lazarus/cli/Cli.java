package io.lazarus.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Runs one {@code lazarus} invocation: exit code 0 on success, 1 when the command failed (the error, then
 * {@code Exit code 1}, as the bosh CLI prints them), 2 for usage errors (message and usage on stderr).
 */
public final class Cli {
  private Cli() {}

  public static int run(String[] args, CliEnvironment environment) {
    LazarusCommand root = new LazarusCommand(environment);
    CommandLine commandLine = new CommandLine(root)
        .setOut(new PrintWriter(environment.out(), true))
        .setErr(new PrintWriter(environment.err(), true))
        .setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler((failure, failed, parseResult) -> {
      if (failure instanceof ParameterException usage) {
        return failed.getParameterExceptionHandler().handleParseException(usage, args);
      }
      Session session = root.session();
      session.ui().printErrorLine(CommandFailure.describe(failure));
      session.ui().printClosingLine("Exit code 1");
      session.ui().flush();
      return 1;
    });
    return commandLine.execute(args);
  }
}
