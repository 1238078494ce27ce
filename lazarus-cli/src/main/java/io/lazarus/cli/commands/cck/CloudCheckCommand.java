package io.lazarus.cli.commands.cck;

import io.lazarus.cli.CommandFailure;
import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.client.Query;
import io.lazarus.cli.ui.Cell;
import io.lazarus.cli.ui.Table;
import io.lazarus.core.json.Json;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cck} as bosh CLI v7.1.0 runs it: scan (a task, followed), list the open problems, choose a resolution per
 * problem (asked, {@code --auto}, or {@code --resolution}), confirm, and apply them (a second task).
 */
@Command(name = "cloud-check", aliases = "cck", description = "Cloud consistency check and interactive repair (-d)")
public final class CloudCheckCommand extends LazarusSubcommand {
  @Option(names = {"--auto", "-a"}, description = "Resolve each problem with its automatic resolution")
  private boolean auto;

  @Option(names = "--resolution", paramLabel = "NAME", description = "Resolve each problem with the first of these resolutions it offers (repeatable)")
  private List<String> resolutionNames = new ArrayList<>();

  @Option(names = {"--report", "-r"}, description = "Only list the problems; fail when there are any")
  private boolean report;

  /** What {@code GET /deployments/D/problems} lists. */
  record Problem(long id, String type, String description, List<Resolution> resolutions) {}

  record Resolution(String name, String plan) {}

  @Override
  protected void run(Session session) throws Exception {
    String path = "/deployments/" + Query.segment(session.deployment());
    try {
      session.follow(session.director().sendForTask("POST", path + "/scans", BodyPublishers.ofString(""), "application/json"));
    } catch (RuntimeException e) {
      throw new CommandFailure("Scanning cloud", e);
    }
    List<Problem> problems = new ArrayList<>(List.of(session.director().getJson(path + "/problems", Problem[].class)));
    problems.sort(Comparator.comparingLong(Problem::id));
    Table.Builder table = Table.builder("problems", "#", "Type", "Description");
    problems.forEach(problem -> table.row(Cell.number(problem.id()), Cell.text(problem.type()), Cell.text(problem.description())));
    session.ui().printTable(table.sortBy(0, true).build());
    if (problems.isEmpty()) {
      return;
    }
    if (report) {
      throw new IllegalStateException(problems.size() + " problem(s) found");
    }
    Map<String, String> resolutions = new LinkedHashMap<>();
    for (Problem problem : problems) {
      resolutions.put(Long.toString(problem.id()), choose(session, problem));
    }
    session.prompter().confirm();
    try {
      session.follow(session.director().sendForTask("PUT", path + "/problems", BodyPublishers.ofString(Json.write(Map.of("resolutions", resolutions))), "application/json"));
    } catch (RuntimeException e) {
      throw new CommandFailure("Applying problem resolutions", e);
    }
  }

  /** The resolution's name; null with {@code --auto}, for the Director to take the problem's automatic one. */
  private String choose(Session session, Problem problem) {
    if (auto) {
      return null;
    }
    if (!resolutionNames.isEmpty()) {
      return resolutionNames.stream()
          .filter(name -> problem.resolutions().stream().anyMatch(offered -> offered.name().equals(name)))
          .findFirst()
          .orElse("ignore");
    }
    session.ui().printLine("Problem " + problem.id() + ": " + problem.description());
    List<Resolution> offered = problem.resolutions();
    for (int i = 0; i < offered.size(); i++) {
      session.ui().printLine("  " + (i + 1) + ". " + offered.get(i).plan());
    }
    while (true) {
      String answer = session.prompter().askText("Choose");
      if (answer.isBlank()) {
        throw new IllegalArgumentException("No resolution chosen for problem " + problem.id());
      }
      try {
        int choice = Integer.parseInt(answer);
        if (choice >= 1 && choice <= offered.size()) {
          return offered.get(choice - 1).name();
        }
      } catch (NumberFormatException e) {
        // asked again below, as the bosh CLI does
      }
      session.ui().printErrorLine("Please choose a number between 1 and " + offered.size());
    }
  }
}
