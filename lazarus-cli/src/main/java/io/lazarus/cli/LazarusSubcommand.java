package io.lazarus.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A {@code lazarus} subcommand. It runs against the invocation's {@link Session}; on success the bosh CLI's
 * {@code Succeeded} line closes the output. Failures are printed by {@link Cli}.
 */
public abstract class LazarusSubcommand implements Callable<Integer> {
  @ParentCommand
  private LazarusCommand root;

  @Spec
  private CommandSpec spec;

  @Override
  public final Integer call() throws Exception {
    Session session = root.session();
    run(session);
    if (closesWithSucceeded(session)) {
      session.ui().printClosingLine("Succeeded");
    }
    session.ui().flush();
    return 0;
  }

  protected abstract void run(Session session) throws Exception;

  /**
   * Whether {@code Succeeded} closes the output. A command whose output is data for a pipe ({@code interpolate})
   * says so only on a terminal, as the bosh CLI prints no status lines when stdout is not one.
   */
  protected boolean closesWithSucceeded(Session session) {
    return true;
  }

  /** A usage error (exit code 2) about this command's arguments. */
  protected ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
