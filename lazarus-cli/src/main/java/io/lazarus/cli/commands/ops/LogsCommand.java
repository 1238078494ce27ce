package io.lazarus.cli.commands.ops;

import io.lazarus.cli.CommandFailure;
import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.api.Task;
import io.lazarus.cli.client.Query;
import io.lazarus.core.json.Json;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code logs} as the bosh CLI has it. Without {@code -f}/{@code --num} it downloads a bundle: {@code GET
 * /deployments/D/jobs/<group or *>/<id or *>/logs?[filters=..&]type=job|agent} starts a "fetch logs" task whose result
 * is a blob id, and {@code GET /resources/<id>} is saved as {@code <deployment>[.<group>][.<id>]-<time>.tgz} in {@code
 * --dir}. With {@code -f} or {@code --num} it prints the logs' last lines (and, following, their new ones) through the
 * Director's {@code logs/tail}, where the bosh CLI uses ssh and tail ({@link LogFollower}).
 */
@Command(name = "logs", description = "Download instances' logs as a tgz, or print them as they grow with --follow")
public final class LogsCommand extends LazarusSubcommand {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  @Parameters(index = "0", arity = "0..1", paramLabel = "INSTANCE-GROUP[/INSTANCE-ID]")
  private String instance;

  @Option(names = "--dir", paramLabel = "DIR", description = "Directory to save the logs in (default: the current directory)")
  private Path dir;

  @Option(names = {"-f", "--follow"}, description = "Follow the logs: print their new lines as they come, until interrupted")
  private boolean follow;

  @Option(names = "--num", paramLabel = "NUMBER", description = "Print the last NUMBER lines (10 when following)")
  private int num;

  @Option(names = {"-q", "--quiet"}, description = "Do not print a header for each file when following several")
  private boolean quiet;

  @Option(names = "--job", paramLabel = "NAME", description = "Follow only the logs of this job (repeatable)")
  private List<String> jobs = List.of();

  @Option(names = "--only", paramLabel = "FILTER", description = "Only files matching this glob, relative to the log directory (repeatable, or comma-separated)")
  private List<String> only = List.of();

  @Option(names = "--agent", description = "The agent's logs instead of the jobs'")
  private boolean agent;

  @Override
  protected void run(Session session) throws Exception {
    if (num < 0) {
      throw new IllegalArgumentException("--num must be at least 0, got " + num);
    }
    String deployment = session.deployment();
    InstanceSelector slug = InstanceSelector.of(instance);
    if (follow || num > 0) {
      tail(session, deployment, slug);
    } else {
      fetch(session, deployment, slug);
    }
  }

  private void fetch(Session session, String deployment, InstanceSelector slug) throws Exception {
    Path directory = dir == null ? Path.of("").toAbsolutePath() : dir.toAbsolutePath();
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("Directory '" + directory + "' doesn't exist");
    }
    String jobsPath = "/deployments/" + Query.segment(deployment) + "/jobs/" + (slug.group().equals("*") ? "*" : Query.segment(slug.group()))
        + "/" + (slug.id() == null ? "*" : Query.segment(slug.id())) + "/logs";
    String path = Query.of().with("filters", String.join(",", filters())).with("type", agent ? "agent" : "job").appendTo(jobsPath);
    Task task;
    try {
      task = session.follow(session.director().sendForTask("GET", path, BodyPublishers.noBody(), null));
    } catch (RuntimeException e) {
      throw new CommandFailure("Fetching logs", e);
    }
    String blobId = task.result();
    Path target = directory.resolve(bundleName(deployment, slug, session.environment().clock().instant()));
    session.ui().printLine("Downloading resource '" + blobId + "' to '" + target + "'...");
    try {
      session.director().download("/resources/" + Query.segment(blobId), target);
    } catch (RuntimeException e) {
      throw new CommandFailure("Downloading resource '" + blobId + "'", e);
    }
  }

  /** {@code <deployment>[.<group>][.<id>]-<time>.tgz}, the time as Go's {@code 20060102-150405.999999999} with {@code -} for {@code .}. */
  static String bundleName(String deployment, InstanceSelector slug, Instant now) {
    String name = deployment + (slug.group().equals("*") ? "" : "." + slug.group()) + (slug.id() == null ? "" : "." + slug.id());
    String time = SECONDS.format(now);
    if (now.getNano() != 0) {
      time += "-" + String.format("%09d", now.getNano()).replaceFirst("0+$", "");
    }
    return name + "-" + time + ".tgz";
  }

  private void tail(Session session, String deployment, InstanceSelector slug) {
    List<LogFollower.Target> targets = targets(session, deployment, slug);
    List<String> filters = jobs.isEmpty() ? filters() : jobs.stream().map(job -> job + "/*.log").toList();
    LogFollower.Options options = new LogFollower.Options(agent, filters, num > 0 ? num : 10, quiet);
    LogFollower follower = new LogFollower(session.director(), session.ui(), session.environment().sleeper(), deployment, options);
    if (follow) {
      follower.follow(targets);
    } else {
      follower.once(targets);
    }
  }

  /** The selected instances that have a VM, from {@code GET /deployments/D/vms}. */
  private static List<LogFollower.Target> targets(Session session, String deployment, InstanceSelector slug) {
    List<?> vms = Json.read(session.director().get("/deployments/" + Query.segment(deployment) + "/vms"), List.class);
    List<LogFollower.Target> targets = vms.stream()
        .map(vm -> (Map<?, ?>) vm)
        .filter(vm -> slug.group().equals("*") || slug.group().equals(vm.get("job")))
        .filter(vm -> slug.id() == null || slug.id().equals(vm.get("id")) || slug.id().equals(String.valueOf(vm.get("index"))))
        .map(vm -> new LogFollower.Target(String.valueOf(vm.get("job")), String.valueOf(vm.get("id"))))
        .toList();
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("No appropriate instance with a VM was found in deployment '" + deployment + "'");
    }
    return targets;
  }

  /** {@code --only} values, each possibly comma-separated as the bosh CLI allows. */
  private List<String> filters() {
    return only.stream().flatMap(value -> Arrays.stream(value.split(","))).map(String::strip).filter(filter -> !filter.isEmpty()).toList();
  }
}
