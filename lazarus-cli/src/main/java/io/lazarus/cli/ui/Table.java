package io.lazarus.cli.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A table as the bosh CLI prints it: a header, rows sorted by the given columns, notes, and a {@code content} noun
 * for the {@code N stemcells} footer. Immutable; rendered by {@link TableText} or, with {@code --json}, by
 * {@link JsonUi}.
 */
public final class Table {
  private final String content;
  private final List<String> header;
  private final List<List<Cell>> rows;
  private final List<String> notes;
  private final Comparator<List<Cell>> order;
  private final boolean transposed;
  private final int count;

  private Table(Builder builder) {
    this.content = builder.content;
    this.header = List.copyOf(builder.header);
    this.notes = List.copyOf(builder.notes);
    this.order = builder.order;
    this.transposed = builder.transposed;
    List<List<Cell>> sorted = new ArrayList<>(builder.rows);
    if (order != null) {
      sorted.sort(order);
    }
    this.rows = List.copyOf(sorted);
    this.count = builder.count >= 0 ? builder.count : rows.size();
  }

  /** A table whose footer reads {@code N <content>}; an empty {@code content} prints no footer. */
  public static Builder builder(String content, String... header) {
    return new Builder(content, List.of(header));
  }

  public String content() {
    return content;
  }

  public List<String> header() {
    return header;
  }

  /** The rows in display order. */
  public List<List<Cell>> rows() {
    return rows;
  }

  public List<String> notes() {
    return notes;
  }

  /** The N of the {@code N <content>} footer: the rows, unless detail rows (processes) were added under them. */
  public int count() {
    return count;
  }

  /** Printed as one "Header  value" line per column, as the bosh CLI does for {@code env}. */
  public boolean transposed() {
    return transposed;
  }

  /** Collects rows; one thread at a time. */
  public static final class Builder {
    private final String content;
    private final List<String> header;
    private final List<List<Cell>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Comparator<List<Cell>> order;
    private boolean transposed;
    private int count = -1;

    private Builder(String content, List<String> header) {
      this.content = content;
      this.header = header;
    }

    public Builder row(Cell... cells) {
      if (cells.length != header.size()) {
        throw new IllegalArgumentException(
            "row has " + cells.length + " cells but the table has " + header.size() + " columns");
      }
      rows.add(List.of(cells));
      return this;
    }

    public Builder note(String note) {
      notes.add(note);
      return this;
    }

    /** Adds a sort column; earlier calls take precedence. */
    public Builder sortBy(int column, boolean ascending) {
      Comparator<List<Cell>> byColumn = Comparator.comparing(row -> row.get(column), Cell.ORDER);
      Comparator<List<Cell>> directed = ascending ? byColumn : byColumn.reversed();
      order = order == null ? directed : order.thenComparing(directed);
      return this;
    }

    /** Counts {@code count} things in the footer rather than every row. */
    public Builder count(int count) {
      this.count = count;
      return this;
    }

    public Builder transposed() {
      transposed = true;
      return this;
    }

    public Table build() {
      return new Table(this);
    }
  }
}
