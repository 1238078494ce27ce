package io.lazarus.cli.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TaskReporterTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Ui ui = new TextUi(new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

  private String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String step(long time, String stage, String tags, String task, String state) {
    return "{\"time\":" + time + ",\"stage\":\"" + stage + "\",\"tags\":[" + tags + "],\"total\":2,\"task\":\""
        + task + "\",\"index\":1,\"state\":\"" + state + "\",\"progress\":0}\n";
  }

  @Test
  void stepsInterleavedAcrossChunksGetTagsAndDurations() {
    TaskReporter reporter = TaskReporter.forEvents(ui);
    reporter.started(5);
    String lines = step(0, "Updating instance", "\"web\"", "web/0 (canary)", "started")
        + step(1, "Updating instance", "\"web\"", "web/1", "started")
        + step(3, "Updating instance", "\"web\"", "web/0 (canary)", "in_progress")
        + step(61, "Updating instance", "\"web\"", "web/0 (canary)", "finished")
        + step(3662, "Updating instance", "\"web\"", "web/1", "finished");
    reporter.output(5, lines.substring(0, 50));
    reporter.output(5, lines.substring(50));
    reporter.finished(5, "done");

    assertThat(printed()).isEqualTo("""
        Task 5

        Task 5 | 00:00:00 | Updating instance web: web/0 (canary)
        Task 5 | 00:00:01 | Updating instance web: web/1
        Task 5 | 00:01:01 | Updating instance web: web/0 (canary) (00:01:01)
        Task 5 | 01:01:02 | Updating instance web: web/1 (01:01:01)

        Task 5 Started  Thu Jan  1 00:00:00 UTC 1970
        Task 5 Finished Thu Jan  1 01:01:02 UTC 1970
        Task 5 Duration 01:01:02
        Task 5 done
        """);
  }

  @Test
  void warningsAndDeprecationsArePrintedAsMessages() {
    TaskReporter reporter = TaskReporter.forEvents(ui);
    reporter.started(5);
    reporter.output(5, "{\"time\":0,\"type\":\"warning\",\"message\":\"careful\"}\n"
        + "{\"time\":1,\"type\":\"deprecation\",\"message\":\"old\"}\n");

    assertThat(printed()).isEqualTo("Task 5\n\nTask 5 | 00:00:00 | Warning: careful\n\nTask 5 | 00:00:01 | Deprecation: old");
  }

  @Test
  void theErrorUnderAFailedStepIsIndentedAsGoDoesForLargeIds() {
    TaskReporter reporter = TaskReporter.forEvents(ui);
    reporter.started(200);
    reporter.output(200, step(0, "Compiling", "", "pkg", "started").replace("\"progress\":0", "\"data\":{}")
        + "{\"time\":2,\"stage\":\"Compiling\",\"tags\":[],\"task\":\"pkg\",\"state\":\"failed\",\"data\":{\"error\":\"no\"}}\n");

    assertThat(printed()).endsWith("Compiling: pkg (00:00:02)\n" + " ".repeat(20) + "L Error: no");
  }

  @Test
  void aTaskWithoutOutputEndsOnItsHeaderLine() {
    TaskReporter reporter = TaskReporter.forEvents(ui);
    reporter.started(9);
    reporter.finished(9, "done");

    assertThat(printed()).isEqualTo("Task 9. Done\n");
  }
}
