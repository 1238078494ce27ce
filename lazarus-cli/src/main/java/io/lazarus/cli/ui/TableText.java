package io.lazarus.cli.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Table} as the bosh CLI's plain text: columns padded to their widest value and each followed by
 * two spaces (trailing ones included), empty values as {@code -}, multi-line values spread over several lines, a
 * value repeated in the first column shown as {@code ~}, then the notes and the {@code N <content>} footer.
 */
public final class TableText {
  private static final String BORDER = "  ";
  private static final String EMPTY = "-";

  private TableText() {}

  public static String render(Table table) {
    List<List<String>> lines = table.transposed() ? transposedLines(table) : plainLines(table);
    StringBuilder out = new StringBuilder();
    writeAligned(out, lines);
    if (!table.notes().isEmpty()) {
      out.append('\n');
      table.notes().forEach(note -> out.append(note).append('\n'));
    }
    if (!table.header().isEmpty() && !table.content().isBlank()) {
      out.append('\n').append(table.count()).append(' ').append(table.content()).append('\n');
    }
    return out.toString();
  }

  private static List<List<String>> plainLines(Table table) {
    List<List<String>> lines = new ArrayList<>();
    addRow(lines, table.header());
    String previousFirst = null;
    for (List<Cell> row : table.rows()) {
      List<String> values = new ArrayList<>(row.stream().map(Cell::text).toList());
      String first = values.getFirst();
      if (first.equals(previousFirst)) {
        values.set(0, "~");
      }
      previousFirst = first;
      addRow(lines, values);
    }
    return lines;
  }

  private static List<List<String>> transposedLines(Table table) {
    List<List<String>> lines = new ArrayList<>();
    for (int r = 0; r < table.rows().size(); r++) {
      if (r > 0) {
        lines.add(List.of("", ""));
      }
      for (int c = 0; c < table.header().size(); c++) {
        addRow(lines, List.of(table.header().get(c), table.rows().get(r).get(c).text()));
      }
    }
    return lines;
  }

  /** Splits multi-line values into several physical lines, as the bosh table writer does; a final newline adds none. */
  private static void addRow(List<List<String>> lines, List<String> values) {
    List<String[]> split = values.stream()
        .map(value -> value.replace("\r", "").stripTrailing())
        .map(value -> value.isEmpty() ? new String[] {EMPTY} : value.split("\n", -1))
        .toList();
    int height = split.stream().mapToInt(parts -> parts.length).max().orElse(1);
    for (int i = 0; i < height; i++) {
      List<String> line = new ArrayList<>();
      for (String[] parts : split) {
        line.add(i < parts.length ? parts[i] : "");
      }
      lines.add(line);
    }
  }

  private static void writeAligned(StringBuilder out, List<List<String>> lines) {
    int columns = lines.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[columns];
    for (List<String> line : lines) {
      for (int c = 0; c < line.size(); c++) {
        widths[c] = Math.max(widths[c], line.get(c).length());
      }
    }
    for (List<String> line : lines) {
      if (line.stream().allMatch(String::isEmpty)) {
        out.append('\n'); // the gap between records of a transposed table
        continue;
      }
      for (int c = 0; c < line.size(); c++) {
        String value = line.get(c);
        out.append(value).append(" ".repeat(widths[c] - value.length())).append(BORDER);
      }
      out.append('\n');
    }
  }
}
