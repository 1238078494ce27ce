package io.lazarus.cli.commands.resurrection;

import io.lazarus.cli.CommandFailure;
import io.lazarus.cli.Session;
import io.lazarus.cli.api.ResurrectionDecisions;
import io.lazarus.cli.client.DirectorResponseException;
import io.lazarus.core.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lazarus resurrection explain -d D}: per instance, what the Resurrector decided and why, as the Health
 * Monitor reports it through the Director. With {@code --json}, the HM's JSON as a block.
 */
@Command(name = "explain", description = "Show, per instance, whether the Health Monitor would resurrect it and why")
final class ExplainCommand implements Callable<Integer> {
  @ParentCommand
  private ResurrectionCommand group;

  @Override
  public Integer call() throws Exception {
    return group.runSubcommand(this);
  }

  void run(Session session) {
    String deployment = session.deployment();
    String json;
    try {
      json = session.director().get("/deployments/" + URLEncoder.encode(deployment, StandardCharsets.UTF_8).replace("+", "%20") + "/resurrection/decisions");
    } catch (DirectorResponseException e) {
      throw new CommandFailure("Explaining resurrection of deployment '" + deployment + "'", new IllegalStateException(description(e)));
    }
    if (session.jsonOutput()) {
      session.ui().printBlock(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(Json.read(json, Object.class)) + "\n");
      return;
    }
    DecisionReport.print(session.ui(), Json.read(json, ResurrectionDecisions.class));
  }

  /** The Director's {@code description} (e.g. "no Health Monitor configured ..."), or its whole answer. */
  private static String description(DirectorResponseException e) {
    try {
      Object description = Json.read(e.body(), Map.class).get("description");
      if (description != null) {
        return description.toString();
      }
    } catch (RuntimeException notJson) {
      // fall back to the whole message below
    }
    return e.getMessage();
  }
}
