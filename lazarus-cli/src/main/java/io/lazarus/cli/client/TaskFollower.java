package io.lazarus.cli.client;

import io.lazarus.core.time.Sleeper;
import io.lazarus.cli.api.Task;
import io.lazarus.cli.ui.TaskReporter;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

/**
 * Follows a task to its end as the bosh CLI does: read the task, read new output with a {@code Range} request,
 * print it, and poll again every half second while the task is queued, processing or cancelling. Output is handed
 * on in whole lines, so a multi-byte character split between two reads is never broken.
 */
public final class TaskFollower {
  private static final Set<String> RUNNING = Set.of("queued", "processing", "cancelling");
  private static final Duration POLL = Duration.ofMillis(500);

  private final DirectorClient client;
  private final Sleeper sleeper;

  public TaskFollower(DirectorClient client, Sleeper sleeper) {
    this.client = client;
    this.sleeper = sleeper;
  }

  /**
   * Streams output of {@code type} (event, debug, cpi, result) through {@code reporter} until the task ends.
   *
   * @throws TaskFailedException if the task did not end {@code done}
   */
  public Task follow(long id, String type, TaskReporter reporter) throws InterruptedException {
    reporter.started(id);
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    long offset = 0;
    Task task;
    while (true) {
      task = client.getJson("/tasks/" + id, Task.class);
      byte[] fresh = newBytes(client.taskOutput(id, type, offset), offset);
      offset += fresh.length;
      pending.writeBytes(fresh);
      emitWholeLines(id, pending, reporter);
      if (!RUNNING.contains(task.state())) {
        break;
      }
      sleeper.sleep(POLL);
    }
    if (pending.size() > 0) {
      reporter.output(id, pending.toString(StandardCharsets.UTF_8));
    }
    reporter.finished(id, task.state());
    if (!"done".equals(task.state())) {
      throw new TaskFailedException(id, task.state());
    }
    return task;
  }

  private static byte[] newBytes(HttpResponse<byte[]> response, long offset) {
    byte[] body = response.body() == null ? new byte[0] : response.body();
    return switch (response.statusCode()) {
      case 206 -> body;
      case 200 -> offset >= body.length ? new byte[0] : Arrays.copyOfRange(body, (int) offset, body.length);
      default -> new byte[0]; // 204 no output yet, 416 nothing past the offset
    };
  }

  private static void emitWholeLines(long id, ByteArrayOutputStream pending, TaskReporter reporter) {
    byte[] bytes = pending.toByteArray();
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    if (end == 0) {
      return;
    }
    reporter.output(id, new String(bytes, 0, end, StandardCharsets.UTF_8));
    pending.reset();
    pending.write(bytes, end, bytes.length - end);
  }
}
