package io.lazarus.cli.commands.config;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The cloud config is the config of type {@code cloud} named {@code default}. */
@Command(name = "update-cloud-config", aliases = "ucc", description = "Update the cloud config from FILE")
public final class UpdateCloudConfigCommand extends LazarusSubcommand {
  @Parameters(index = "0", paramLabel = "FILE")
  private Path file;

  @Override
  protected void run(Session session) {
    ConfigUpdater.update(session, "cloud", "default", file);
  }
}
