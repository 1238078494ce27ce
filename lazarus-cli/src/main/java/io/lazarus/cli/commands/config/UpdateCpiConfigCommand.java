package io.lazarus.cli.commands.config;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.interpolation.InterpolationFlags;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The cpi config is the config of type {@code cpi} named {@code default} (the bosh CLI's {@code update-cpi-config}). */
@Command(name = "update-cpi-config", description = "Update the CPI config from FILE")
public final class UpdateCpiConfigCommand extends LazarusSubcommand {
  @Parameters(index = "0", paramLabel = "FILE")
  private Path file;

  @Mixin
  private InterpolationFlags interpolation;

  @Override
  protected void run(Session session) {
    ConfigUpdater.update(session, "cpi", "default", interpolation.evaluate(file, session.environment(), "Evaluating cpi config"));
  }
}
