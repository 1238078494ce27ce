package io.lazarus.cli.ui;

import io.lazarus.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;

/**
 * Prints a task's progress as the bosh CLI v7 does: {@code Task 12}, then one {@code Task 12 | 10:04:01 | Stage:
 * task} line per step (with {@code (HH:MM:SS)} appended when it finishes, and {@code L Error: ...} under a failed
 * step), then the Started/Finished/Duration footer and the final state. In raw mode (debug, cpi, result logs) the
 * output is passed through unchanged.
 *
 * <p>Follows one task; one thread at a time.
 */
public final class TaskReporter {
  private final Ui ui;
  private final boolean events;
  private final List<TaskEvent> kept = new ArrayList<>();
  private final StringBuilder partialLine = new StringBuilder();
  private TaskEvent lastEvent;
  private boolean outputSinceStart;

  private TaskReporter(Ui ui, boolean events) {
    this.ui = ui;
    this.events = events;
  }

  /** Renders {@code type=event} output. */
  public static TaskReporter forEvents(Ui ui) {
    return new TaskReporter(ui, true);
  }

  /** Passes any other output type through as it comes. */
  public static TaskReporter raw(Ui ui) {
    return new TaskReporter(ui, false);
  }

  public void started(long id) {
    ui.printBlock("Task " + id);
  }

  public void output(long id, String chunk) {
    if (!outputSinceStart) {
      ui.printBlock(events ? "\n" : "\n\n");
      outputSinceStart = true;
    }
    if (!events) {
      ui.printBlock(chunk);
      return;
    }
    partialLine.append(chunk);
    int newline;
    while ((newline = partialLine.indexOf("\n")) >= 0) {
      String line = partialLine.substring(0, newline);
      partialLine.delete(0, newline + 1);
      if (!line.isBlank()) {
        show(id, parse(line));
      }
    }
  }

  public void finished(long id, String state) {
    if (!kept.isEmpty()) {
      TaskEvent first = kept.getFirst();
      TaskEvent last = kept.getLast();
      ui.printBlock(String.format("\n\nTask %d Started  %s\nTask %d Finished %s\nTask %d Duration %s",
          id, TimeFormats.full(first.instant()), id, TimeFormats.full(last.instant()),
          id, TimeFormats.duration(last.since(first))));
    }
    if (outputSinceStart) {
      ui.printBlock(String.format("\nTask %d %s\n", id, state));
    } else {
      ui.printBlock(". " + capitalized(state) + "\n");
    }
  }

  private static TaskEvent parse(String line) {
    try {
      return Json.read(line, TaskEvent.class);
    } catch (JacksonException e) {
      throw new IllegalStateException("Director sent an unreadable task event line '" + line + "'", e);
    }
  }

  private void show(long id, TaskEvent event) {
    TaskEvent start = kept.stream().filter(event::sameStep).findFirst().orElse(null);
    String duration = start == null ? "" : TimeFormats.duration(event.since(start));
    if (lastEvent != null && lastEvent.sameStep(event)) {
      // The step is still on the current line: only close it.
      if ("finished".equals(event.state()) || "failed".equals(event.state())) {
        ui.printBlock(" (" + duration + ")");
      }
      if ("failed".equals(event.state())) {
        ui.printBlock(errorUnderStep(id, event));
      }
    } else {
      if (lastEvent != null && event.worthKeeping()
          && ("deprecation".equals(event.type()) || event.error() != null)) {
        ui.printBlock("\n");
      }
      showNewLine(id, event, duration);
    }
    if (event.worthKeeping()) {
      kept.add(event);
      lastEvent = event;
    }
  }

  private void showNewLine(long id, TaskEvent event, String duration) {
    String prefix = String.format("\nTask %d | %s | ", id, TimeFormats.hours(event.instant()));
    String description = event.stage()
        + (event.tagList().isEmpty() ? "" : " " + String.join(", ", event.tagList()));
    if ("deprecation".equals(event.type())) {
      ui.printBlock(prefix + "Deprecation: " + event.message());
    } else if ("warning".equals(event.type())) {
      ui.printBlock(prefix + "Warning: " + event.message());
    } else if ("started".equals(event.state())) {
      ui.printBlock(prefix + description + ": " + event.task());
    } else if ("finished".equals(event.state())) {
      ui.printBlock(prefix + description + ": " + event.task() + " (" + duration + ")");
    } else if ("failed".equals(event.state())) {
      ui.printBlock(prefix + description + ": " + event.task() + " (" + duration + ")");
      ui.printBlock(errorUnderStep(id, event));
    } else if (event.error() != null) {
      ui.printBlock(prefix + "Error: " + event.error().message());
    }
  }

  /**
   * The bosh CLI indents this by the byte length of the task id taken as a Unicode code point (a quirk of Go's
   * {@code string(int)}), so ids below 128 get one space; reproduced so the output lines up identically.
   */
  private static String errorUnderStep(long id, TaskEvent event) {
    return "\n     " + " ".repeat(utf8Length(id)) + "             L Error: " + event.errorText();
  }

  private static int utf8Length(long codePoint) {
    if (codePoint < 0x80) {
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    if (codePoint < 0x10000 || codePoint > 0x10FFFF) {
      return 3; // surrogates and out-of-range values become U+FFFD, three bytes
    }
    return 4;
  }

  private static String capitalized(String state) {
    return state.isEmpty() ? state : state.substring(0, 1).toUpperCase(Locale.ROOT) + state.substring(1);
  }
}
