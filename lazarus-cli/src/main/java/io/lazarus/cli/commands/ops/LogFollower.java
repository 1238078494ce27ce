package io.lazarus.cli.commands.ops;

import io.lazarus.cli.client.DirectorClient;
import io.lazarus.cli.client.Query;
import io.lazarus.cli.ui.Ui;
import io.lazarus.core.json.Json;
import io.lazarus.core.time.Sleeper;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * {@code lazarus logs --follow} and {@code --num}, Lazarus's way to what the bosh CLI does with ssh and {@code tail
 * -F}: asks each instance's {@code POST /deployments/D/instance_groups/G/ID/logs/tail} for the lines its logs gained
 * (the last {@code lines} at first), about once a second and at once while an answer says more is waiting, and
 * prints them as the bosh CLI prints tail over ssh: {@code <group>/<id>: stdout | <line>}, with tail's {@code ==> file
 * <==} headers where an instance has several files (not when quiet) and its notes on truncated or replaced files on
 * {@code stderr |}. Following ends when the thread is interrupted; a failing instance is reported when its error
 * changes and asked again. One thread.
 */
final class LogFollower {
  static final Duration POLL = Duration.ofSeconds(1);

  /** An instance to follow: {@code group/uuid}. */
  record Target(String group, String id) {
    String name() {
      return group + "/" + id;
    }
  }

  /** What to ask and how to print: the agent's logs or the jobs', glob filters, the first lines, quiet headers. */
  record Options(boolean agentLogs, List<String> filters, int lines, boolean quiet) {
    String directory() {
      return agentLogs ? "/var/vcap/bosh/log/" : "/var/vcap/sys/log/";
    }
  }

  private final DirectorClient director;
  private final Ui ui;
  private final Sleeper sleeper;
  private final String deployment;
  private final Options options;

  LogFollower(DirectorClient director, Ui ui, Sleeper sleeper, String deployment, Options options) {
    this.director = director;
    this.ui = ui;
    this.sleeper = sleeper;
    this.deployment = deployment;
    this.options = options;
  }

  /** One round: the last lines of each instance's logs; a failure fails the command. */
  void once(List<Target> targets) {
    for (Target target : targets) {
      Stream stream = new Stream(target);
      stream.print(stream.ask());
      stream.flushPartial();
    }
  }

  /** Rounds until interrupted, then prints what is left of unfinished lines. */
  void follow(List<Target> targets) {
    List<Stream> streams = targets.stream().map(Stream::new).toList();
    try {
      while (!Thread.currentThread().isInterrupted()) {
        boolean more = false;
        for (Stream stream : streams) {
          more |= stream.poll();
        }
        if (!more) {
          sleeper.sleep(POLL);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // followed until asked to stop: not a failure
    }
    streams.forEach(Stream::flushPartial);
  }

  /** The lines of one instance: its positions, the file it printed last, unfinished lines per file. */
  private final class Stream {
    private final Target target;
    private final Map<String, Map<String, Object>> positions = new LinkedHashMap<>();
    private final Map<String, StringBuilder> partial = new LinkedHashMap<>();
    private boolean started;
    private String lastFile;
    private String lastError;

    Stream(Target target) {
      this.target = target;
    }

    /** Asks and prints; a failure is said once per distinct message. Whether more is waiting. */
    boolean poll() {
      try {
        JsonNode answer = ask();
        lastError = null;
        print(answer);
        return answer.path("more").asBoolean(false);
      } catch (RuntimeException e) {
        if (Thread.currentThread().isInterrupted()) {
          return false;
        }
        if (!Objects.equals(e.getMessage(), lastError)) {
          lastError = e.getMessage();
          ui.printErrorLine(target.name() + ": " + e.getMessage());
        }
        return false;
      }
    }

    JsonNode ask() {
      Map<String, Object> request = new LinkedHashMap<>();
      request.put("log_type", options.agentLogs() ? "agent" : "job");
      request.put("filters", options.filters());
      request.put("lines", options.lines());
      if (started) {
        request.put("positions", positions);
      }
      String path = "/deployments/" + Query.segment(deployment) + "/instance_groups/" + Query.segment(target.group()) + "/" + Query.segment(target.id()) + "/logs/tail";
      return Json.read(director.send("POST", path, BodyPublishers.ofString(Json.write(request)), "application/json").body(), JsonNode.class);
    }

    void print(JsonNode answer) {
      boolean headers = !options.quiet() && answer.path("files").size() > 1;
      for (JsonNode file : answer.path("files")) {
        String path = file.path("path").asString();
        String reset = file.path("reset").asString("");
        if (started && !reset.isEmpty()) {
          flushPartial(path);
          String absolute = options.directory() + path;
          ui.printLine(target.name() + ": stderr | " + (reset.equals("truncated")
              ? "tail: " + absolute + ": file truncated"
              : "tail: '" + absolute + "' has been replaced;  following new file"));
        }
        StringBuilder pending = partial.computeIfAbsent(path, p -> new StringBuilder()).append(file.path("data").asString(""));
        int end = pending.lastIndexOf("\n");
        if (end >= 0) {
          String complete = pending.substring(0, end);
          pending.delete(0, end + 1);
          if (headers && !path.equals(lastFile)) {
            header(path);
          }
          for (String line : complete.split("\n", -1)) {
            ui.printLine(target.name() + ": stdout | " + line);
          }
          lastFile = path;
        }
        positions.put(path, Map.of("offset", file.path("next_offset").asLong(), "file_id", file.path("file_id").asString("")));
      }
      started = true;
    }

    private void header(String path) {
      if (lastFile != null) {
        ui.printLine(target.name() + ": stdout | ");
      }
      ui.printLine(target.name() + ": stdout | ==> " + options.directory() + path + " <==");
    }

    void flushPartial() {
      new ArrayList<>(partial.keySet()).forEach(this::flushPartial);
    }

    private void flushPartial(String path) {
      StringBuilder pending = partial.get(path);
      if (pending != null && !pending.isEmpty()) {
        ui.printLine(target.name() + ": stdout | " + pending);
        pending.setLength(0);
      }
    }
  }
}
