package io.lazarus.cli.commands.config;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The cpi config is the config of type {@code cpi} named {@code default} (the bosh CLI's {@code update-cpi-config}). */
@Command(name = "update-cpi-config", description = "Update the CPI config from FILE")
public final class UpdateCpiConfigCommand extends LazarusSubcommand {
  @Parameters(index = "0", paramLabel = "FILE")
  private Path file;

  @Override
  protected void run(Session session) {
    ConfigUpdater.update(session, "cpi", "default", file);
  }
}
