package io.lazarus.cli.ui;

import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;

/**
 * One table value: the text shown, and how it sorts. Versions sort as versions ({@code 10 > 9}); numbers, sizes and
 * times by the value they show ({@code key}); everything else as text. The bosh CLI sorts its tables the same way.
 */
public record Cell(String text, Kind kind, long key) {
  enum Kind {
    TEXT,
    /** Sorts by {@code key}. */
    NUMBER,
    VERSION
  }

  private static final String[] BINARY_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

  /** Orders cells of one column. */
  static final Comparator<Cell> ORDER = Cell::compare;

  public static Cell text(String text) {
    return new Cell(text == null ? "" : text, Kind.TEXT, 0);
  }

  public static Cell number(long value) {
    return new Cell(Long.toString(value), Kind.NUMBER, value);
  }

  /** A version, shown with {@code mark} appended (the bosh CLI's {@code *} for "currently deployed"). */
  public static Cell version(String version, String mark) {
    return new Cell(version + mark, Kind.VERSION, 0);
  }

  /** A time in the bosh CLI's long format, sorting in time; an absent time shows as an empty cell. */
  public static Cell time(Instant time) {
    return time == null ? text("") : new Cell(TimeFormats.full(time), Kind.NUMBER, time.toEpochMilli());
  }

  /**
   * A size in MiB as the bosh CLI shows it (go-humanize's {@code IBytes}: {@code 1.0 MiB}, {@code 10 GiB}), sorting
   * by size.
   */
  public static Cell megabytes(long mib) {
    long bytes = mib * 1024 * 1024;
    if (bytes < 10) {
      return new Cell(bytes + " B", Kind.NUMBER, mib);
    }
    int exponent = 0;
    while (exponent < BINARY_UNITS.length - 1 && bytes >= 1L << (10 * (exponent + 1))) {
      exponent++;
    }
    double value = Math.floor(bytes / (double) (1L << (10 * exponent)) * 10 + 0.5) / 10;
    String shown = String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, BINARY_UNITS[exponent]);
    return new Cell(shown, Kind.NUMBER, mib);
  }

  private static int compare(Cell a, Cell b) {
    if (a.kind == Kind.NUMBER && b.kind == Kind.NUMBER) {
      return Long.compare(a.key, b.key);
    }
    if (a.kind == Kind.VERSION && b.kind == Kind.VERSION) {
      return Versions.compare(a.text, b.text);
    }
    return a.text.compareTo(b.text);
  }
}
