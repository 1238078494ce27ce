package io.lazarus.cpi.dummy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The log of a dummy VM's simulated jobs, one file {@code jobs.log} that gets a line each time the jobs start or
 * stop, served by {@code tail_logs} in the real agent's shape (docs/internals/vms.md): the last lines on a first
 * call, what was appended since the caller's position after that. Filters and the agent's own log are not
 * simulated. Thread-safe.
 */
final class SimulatedJobLog {
  static final String PATH = "jobs.log";

  private final String fileId;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  SimulatedJobLog(String fileId) {
    this.fileId = fileId;
  }

  synchronized void append(String line) {
    bytes.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  synchronized Map<String, Object> tail(JsonNode request) {
    if (request.path("log_type").asString("job").equals("agent")) {
      return Map.of("files", List.of(), "more", false);
    }
    byte[] all = bytes.toByteArray();
    JsonNode positions = request.path("positions");
    JsonNode known = positions.path(PATH);
    long start;
    boolean truncated = false;
    if (positions.isMissingNode() || positions.isNull()) {
      start = startOfLastLines(all, request.path("lines").asInt(10));
    } else if (known.isMissingNode()) {
      start = 0;
    } else {
      start = known.path("offset").asLong(0);
      truncated = start > all.length; // cannot happen to an append-only log, but a stale position must not fail
      start = truncated ? 0 : start;
    }
    Map<String, Object> file = new HashMap<>();
    file.put("path", PATH);
    file.put("file_id", fileId);
    file.put("offset", start);
    file.put("next_offset", all.length);
    file.put("size", all.length);
    file.put("data", new String(all, (int) start, all.length - (int) start, StandardCharsets.UTF_8));
    file.put("reset", truncated ? "truncated" : null);
    return Map.of("files", List.of(file), "more", false);
  }

  private static int startOfLastLines(byte[] all, int lines) {
    int seen = 0;
    for (int i = all.length - 2; i >= 0; i--) {
      if (all[i] == '\n' && ++seen == lines) {
        return i + 1;
      }
    }
    return lines == 0 ? all.length : 0;
  }
}
