package io.lazarus.cli.commands.ops;

import io.lazarus.cli.CommandFailure;
import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.api.Task;
import io.lazarus.cli.client.Query;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Downloads an instance's logs as the bosh CLI does: {@code GET /deployments/D/jobs/G/ID/logs?[filters=..&]type=job}
 * starts a "fetch logs" task whose result is a blob id, then {@code GET /resources/<id>} is saved as {@code
 * <group>.<id>.<timestamp>.tgz} in {@code --dir}.
 */
@Command(name = "logs", description = "Download an instance's job logs (or the agent's, with --agent) as a tgz")
public final class LogsCommand extends LazarusSubcommand {
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss.SSSSSSSSS").withZone(ZoneOffset.UTC);

  @Parameters(index = "0", paramLabel = "INSTANCE-GROUP/INSTANCE-ID")
  private String instance;

  @Option(names = "--dir", paramLabel = "DIR", description = "Directory to save the logs in (default: the current directory)")
  private Path dir;

  @Option(names = "--agent", description = "Fetch the agent's logs instead of the jobs'")
  private boolean agent;

  @Option(names = "--only", paramLabel = "FILTER", description = "Only files matching this glob (repeatable)")
  private List<String> only = List.of();

  @Override
  protected void run(Session session) throws Exception {
    String deployment = session.deployment();
    InstanceSelector slug = InstanceSelector.of(instance);
    if (slug.id() == null || slug.group().equals("*")) {
      throw new IllegalArgumentException("Expected instance to be in format 'name/id', got '" + instance + "'");
    }
    Path directory = dir == null ? Path.of("").toAbsolutePath() : dir.toAbsolutePath();
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("Directory '" + directory + "' doesn't exist");
    }
    String path = Query.of().with("filters", String.join(",", only)).with("type", agent ? "agent" : "job").appendTo(slug.jobsPath(deployment) + "/logs");
    Task task;
    try {
      task = session.follow(session.director().sendForTask("GET", path, BodyPublishers.noBody(), null));
    } catch (RuntimeException e) {
      throw new CommandFailure("Fetching logs", e);
    }
    String blobId = task.result();
    Path target = directory.resolve(slug.group() + "." + slug.id() + "." + TIMESTAMP.format(session.environment().clock().instant()) + ".tgz");
    session.ui().printLine("Downloading resource '" + blobId + "' to '" + target + "'...");
    try {
      session.director().download("/resources/" + Query.segment(blobId), target);
    } catch (RuntimeException e) {
      throw new CommandFailure("Downloading resource '" + blobId + "'", e);
    }
  }
}
