package io.lazarus.cli.ui;

import java.time.Instant;
import java.util.Comparator;

/**
 * One table value: the text shown, and how it sorts. Versions sort as versions ({@code 10 > 9}), numbers as numbers,
 * everything else as text; the bosh CLI sorts its tables the same way.
 */
public record Cell(String text, Kind kind) {
  enum Kind {
    TEXT,
    NUMBER,
    VERSION
  }

  /** Orders cells of one column. */
  static final Comparator<Cell> ORDER = Cell::compare;

  public static Cell text(String text) {
    return new Cell(text == null ? "" : text, Kind.TEXT);
  }

  public static Cell number(long value) {
    return new Cell(Long.toString(value), Kind.NUMBER);
  }

  /** A version, shown with {@code mark} appended (the bosh CLI's {@code *} for "currently deployed"). */
  public static Cell version(String version, String mark) {
    return new Cell(version + mark, Kind.VERSION);
  }

  /** A time in the bosh CLI's long format; an absent time shows as an empty cell. */
  public static Cell time(Instant time) {
    return text(time == null ? "" : TimeFormats.full(time));
  }

  private static int compare(Cell a, Cell b) {
    if (a.kind == Kind.NUMBER && b.kind == Kind.NUMBER) {
      return Long.compare(Long.parseLong(a.text), Long.parseLong(b.text));
    }
    if (a.kind == Kind.VERSION && b.kind == Kind.VERSION) {
      return Versions.compare(a.text, b.text);
    }
    return a.text.compareTo(b.text);
  }
}
