package io.lazarus.cli.commands.config;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.interpolation.InterpolationFlags;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The cloud config is the config of type {@code cloud} named {@code default}. */
@Command(name = "update-cloud-config", aliases = "ucc", description = "Update the cloud config from FILE")
public final class UpdateCloudConfigCommand extends LazarusSubcommand {
  @Parameters(index = "0", paramLabel = "FILE")
  private Path file;

  @Mixin
  private InterpolationFlags interpolation;

  @Override
  protected void run(Session session) {
    ConfigUpdater.update(session, "cloud", "default", interpolation.evaluate(file, session.environment(), "Evaluating cloud config"));
  }
}
