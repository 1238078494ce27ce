package io.lazarus.cli.commands.director;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.core.json.Json;
import io.lazarus.director.DevSetup;
import io.lazarus.director.Director;
import io.lazarus.director.DirectorConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs a Director in this process until it is stopped (Ctrl-C or SIGTERM close it through a shutdown hook), from a
 * config file or, with {@code --dev}, from one written into the store with a generated admin password.
 */
@Command(name = "director", description = "Run a Director in the foreground (--config FILE, or --dev)")
public final class DirectorCommand extends LazarusSubcommand {
  @ArgGroup(exclusive = true, multiplicity = "1")
  private Mode mode;

  static final class Mode {
    @Option(names = "--config", paramLabel = "FILE", description = "Director config (director.yml)")
    Path config;

    @ArgGroup(exclusive = false)
    Dev dev;
  }

  static final class Dev {
    @Option(names = "--dev", required = true, description = "Use a development config kept in the store")
    boolean enabled;

    @Option(names = "--address", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE})")
    String address;

    @Option(names = "--port", defaultValue = "25555", description = "HTTPS port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--store", paramLabel = "DIR", description = "Store directory (default: ~/.lazarus/dev)")
    Path store;
  }

  @Override
  protected void run(Session session) throws Exception {
    Path configFile = mode.config != null ? mode.config : DevSetup.writeDevConfig(
        mode.dev.store != null ? mode.dev.store : session.environment().userHome().resolve(".lazarus").resolve("dev"),
        mode.dev.address, mode.dev.port);
    Director director = Director.start(DirectorConfig.load(configFile));
    Runtime.getRuntime().addShutdownHook(new Thread(director::close, "director-shutdown"));
    describe(session.environment().out(), director, configFile);
    director.awaitTermination();
  }

  private static void describe(PrintStream out, Director director, Path configFile) throws Exception {
    Map<?, ?> env = Json.read(Files.readString(director.envFile()), Map.class);
    out.println("Director listening on " + director.url() + " (config " + configFile + ")");
    out.println("Connection details: " + director.envFile());
    out.println();
    out.println("Target it with:");
    out.println("  lazarus alias-env dev -e " + director.url() + " --ca-cert " + env.get("ca_cert"));
    out.println("  lazarus log-in -e dev" + (env.get("client") == null
        ? "" : "    (client '" + env.get("client") + "', secret in " + director.envFile() + ")"));
    out.println();
    out.println("Stop it with Ctrl-C.");
    out.flush();
  }
}
