package io.lazarus.cli.commands.instance;

import io.lazarus.cli.Session;
import io.lazarus.cli.api.Task;
import io.lazarus.cli.api.VmState;
import io.lazarus.cli.client.Query;
import io.lazarus.cli.ui.TaskReporter;
import io.lazarus.core.json.Json;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Asks the Director for a deployment's VM states as the bosh CLI does: {@code GET .../vms|instances?format=full}
 * starts a task; its result output holds one JSON object per instance.
 */
final class VmStates {
  private VmStates() {}

  static List<VmState> fetch(Session session, String deployment, String kind) throws InterruptedException {
    String path = Query.of().with("format", "full").appendTo("/deployments/" + Query.segment(deployment) + "/" + kind);
    Task task = session.director().sendForTask("GET", path, BodyPublishers.noBody(), null);
    session.tasks().follow(task.id(), "event", TaskReporter.forEvents(session.ui()));
    byte[] result = session.director().taskOutput(task.id(), "result", 0).body();
    String text = result == null ? "" : new String(result, StandardCharsets.UTF_8);
    return Arrays.stream(text.split("\n")).filter(line -> !line.isBlank()).map(line -> Json.read(line, VmState.class)).toList();
  }
}
