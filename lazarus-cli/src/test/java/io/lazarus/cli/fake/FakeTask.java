package io.lazarus.cli.fake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted Director task: each poll of {@code GET /tasks/N} reveals one more event line; once all are out the
 * task reports its final state.
 */
public final class FakeTask {
  private final long id;
  private final String description;
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final Map<String, String> otherOutput = new ConcurrentHashMap<>();
  private volatile String finalState = "done";
  private volatile String result = "";
  private volatile int revealed;

  FakeTask(long id, String description) {
    this.id = id;
    this.description = description;
  }

  public long id() {
    return id;
  }

  /** Adds one event-log line (a JSON object). */
  public FakeTask event(String json) {
    events.add(json);
    return this;
  }

  /** A stage event with the usual keys. */
  public FakeTask step(long time, String stage, String task, String state, String error) {
    String data = error == null ? "" : ",\"data\":{\"error\":\"" + error + "\"}";
    return event("{\"time\":" + time + ",\"stage\":\"" + stage + "\",\"tags\":[],\"total\":1,\"task\":\"" + task
        + "\",\"index\":1,\"state\":\"" + state + "\",\"progress\":" + ("started".equals(state) ? 0 : 100) + data
        + "}");
  }

  public FakeTask output(String type, String text) {
    otherOutput.put(type, text);
    return this;
  }

  /** The task's {@code result} once it has ended (a blob id for "fetch logs"); plain text without quotes. */
  public FakeTask result(String text) {
    this.result = text;
    return this;
  }

  public FakeTask endsAs(String state) {
    this.finalState = state;
    return this;
  }

  synchronized String poll() {
    if (revealed < events.size()) {
      revealed++;
    }
    String state = revealed < events.size() ? "processing" : finalState;
    String timestamp = revealed < events.size() ? "null" : "1795000000";
    return """
        {"id":%d,"state":"%s","description":"%s","timestamp":%s,"started_at":1794999990,"result":"%s",\
        "user":"admin","deployment":"dep","context_id":""}""".formatted(id, state, description, timestamp, revealed < events.size() ? "" : result);
  }

  synchronized byte[] output(String type) {
    if (!type.equals("event")) {
      return otherOutput.getOrDefault(type, "").getBytes(StandardCharsets.UTF_8);
    }
    StringBuilder out = new StringBuilder();
    events.subList(0, revealed).forEach(line -> out.append(line).append('\n'));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
