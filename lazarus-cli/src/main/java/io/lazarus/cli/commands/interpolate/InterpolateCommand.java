package io.lazarus.cli.commands.interpolate;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.interpolation.InterpolationFlags;
import io.lazarus.cli.interpolation.patch.PatchException;
import io.lazarus.cli.interpolation.patch.Pointer;
import io.lazarus.cli.interpolation.template.EvaluateOptions;
import io.lazarus.cli.interpolation.yaml.GoYaml;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code bosh int}: prints a YAML file with the ops files applied and the variables interpolated, or with
 * {@code --path} one value of it (a string as its bare text, so {@code $(lazarus int creds.yml --path /password)}
 * works). Needs no Director. Nothing but the document goes to stdout unless it is a terminal.
 */
@Command(name = "interpolate", aliases = "int", description = "Interpolate variables into a manifest")
public final class InterpolateCommand extends LazarusSubcommand {
  @Parameters(index = "0", paramLabel = "PATH", description = "Path to a YAML file, or - for stdin")
  private Path file;

  @Mixin
  private InterpolationFlags interpolation;

  @Option(names = "--path", paramLabel = "OP-PATH", converter = PointerConverter.class,
      description = "Extract value out of template (e.g.: /private_key)")
  private Pointer path;

  @Option(names = "--var-errs", description = "Expect all variables to be found, otherwise error")
  private boolean varErrors;

  @Option(names = "--var-errs-unused", description = "Expect all variables to be used, otherwise error")
  private boolean varErrorsUnused;

  @Override
  protected void run(Session session) {
    Object result = interpolation.interpolate(file, session.environment(), new EvaluateOptions(varErrors, varErrorsUnused, path));
    // A multi-line string (a key, a certificate) is only useful as it is, not as an indented YAML block.
    session.ui().printBlock(path != null && result instanceof String text ? text + "\n" : GoYaml.dump(result));
  }

  @Override
  protected boolean closesWithSucceeded(Session session) {
    return session.environment().terminal() || session.jsonOutput();
  }

  /** Parses {@code --path} with go-patch's syntax and messages. */
  public static final class PointerConverter implements ITypeConverter<Pointer> {
    @Override
    public Pointer convert(String text) {
      try {
        return Pointer.parse(text);
      } catch (PatchException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
