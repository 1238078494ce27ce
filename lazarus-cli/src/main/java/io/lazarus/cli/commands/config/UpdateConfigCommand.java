package io.lazarus.cli.commands.config;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.interpolation.InterpolationFlags;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "update-config", aliases = "uc", description = "Create a new version of a config from FILE")
public final class UpdateConfigCommand extends LazarusSubcommand {
  @Option(names = "--type", required = true, description = "Config type, e.g. cloud, runtime, resurrection")
  private String type;

  @Option(names = "--name", required = true, description = "Config name")
  private String name;

  @Parameters(index = "0", paramLabel = "FILE")
  private Path file;

  @Mixin
  private InterpolationFlags interpolation;

  @Override
  protected void run(Session session) {
    ConfigUpdater.update(session, type, name, interpolation.evaluate(file, session.environment(), "Evaluating config"));
  }
}
