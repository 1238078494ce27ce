package io.lazarus.cli.commands.monitor;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.monitor.HealthMonitor;
import io.lazarus.monitor.config.HmConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs a Health Monitor in this process until it is stopped (Ctrl-C or SIGTERM close it through a shutdown hook):
 * the Director's client that watches agents' heartbeats and, with the resurrector plugin, heals them.
 */
@Command(name = "health-monitor", description = "Run a Health Monitor in the foreground (--config hm.yml)")
public final class HealthMonitorCommand extends LazarusSubcommand {
  @Option(names = "--config", paramLabel = "FILE", required = true, description = "Health Monitor config (hm.yml; see docs/healing.md)")
  private Path config;

  @Override
  protected void run(Session session) throws Exception {
    HealthMonitor monitor = HealthMonitor.start(HmConfig.load(config), Clock.systemUTC());
    Runtime.getRuntime().addShutdownHook(new Thread(monitor::close, "health-monitor-shutdown"));
    PrintStream out = session.environment().out();
    out.println("Health Monitor watching heartbeats on " + monitor.ingestUrl() + ", API on " + monitor.apiUrl() + " (config " + config + ")");
    out.println("Stop it with Ctrl-C.");
    out.flush();
    monitor.awaitTermination();
  }
}
