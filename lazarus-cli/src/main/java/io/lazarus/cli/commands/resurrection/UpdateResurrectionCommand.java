package io.lazarus.cli.commands.resurrection;

import io.lazarus.cli.CommandFailure;
import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.core.json.Json;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Pauses or resumes resurrection Director-wide. Lazarus extension: {@code off --for 2h} pauses only until then,
 * sent as {@code "until": <epoch seconds>} next to {@code resurrection_paused}.
 */
@Command(name = "update-resurrection", description = "Turn resurrection on or off for all deployments")
public final class UpdateResurrectionCommand extends LazarusSubcommand {
  enum State {
    on,
    off
  }

  @Parameters(index = "0", paramLabel = "on|off", description = "on: heal VMs; off: pause healing")
  private State state;

  @Option(names = "--for", paramLabel = "DURATION", description = "With off: resume by itself after this long")
  private String pauseFor;

  @Override
  protected void run(Session session) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("resurrection_paused", state == State.off);
    if (pauseFor != null) {
      if (state != State.off) {
        throw usage("--for applies only to 'off'");
      }
      Duration duration;
      try {
        duration = PauseDuration.parse(pauseFor);
      } catch (IllegalArgumentException e) {
        throw usage("Invalid value for --for: " + e.getMessage());
      }
      body.put("until", session.environment().clock().instant().plus(duration).getEpochSecond());
    }
    try {
      session.director().send("PUT", "/resurrection", BodyPublishers.ofString(Json.write(body)), "application/json");
    } catch (RuntimeException e) {
      throw new CommandFailure("Updating resurrection", e);
    }
  }
}
