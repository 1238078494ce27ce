package io.lazarus.cli.ui;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects output into the bosh CLI's {@code --json} document, {@code {"Tables":[{"Content","Header","Rows",
 * "Notes"}],"Blocks":[..],"Lines":[..]}}, written on {@link #flush()}. Header and row keys are the header titles
 * lower-cased with non-alphanumerics as {@code _} ("Started At" becomes {@code started_at}); empty lists are
 * {@code null}, as Go writes nil slices.
 */
public final class JsonUi implements Ui {
  private final PrintStream out;
  private final List<Object> tables = new ArrayList<>();
  private final List<Object> blocks = new ArrayList<>();
  private final List<Object> lines = new ArrayList<>();

  public JsonUi(PrintStream out) {
    this.out = out;
  }

  @Override
  public void printLine(String line) {
    lines.add(line);
  }

  @Override
  public void printClosingLine(String line) {
    lines.add(line);
  }

  @Override
  public void printErrorLine(String line) {
    lines.add(line);
  }

  @Override
  public void printBlock(String block) {
    blocks.add(block);
  }

  @Override
  public void printTable(Table table) {
    Map<String, Object> header = new TreeMap<>();
    table.header().forEach(title -> header.put(key(title), title));
    List<Object> rows = new ArrayList<>();
    for (List<Cell> row : table.rows()) {
      Map<String, Object> values = new TreeMap<>();
      for (int c = 0; c < row.size(); c++) {
        values.put(key(table.header().get(c)), row.get(c).text());
      }
      rows.add(values);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("Content", table.content());
    json.put("Header", header);
    json.put("Rows", rows);
    json.put("Notes", nullIfEmpty(new ArrayList<>(table.notes())));
    tables.add(json);
  }

  @Override
  public void flush() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("Tables", nullIfEmpty(tables));
    document.put("Blocks", nullIfEmpty(blocks));
    document.put("Lines", nullIfEmpty(lines));
    out.println(GoJson.indent(document));
    out.flush();
  }

  static String key(String title) {
    StringBuilder cleaned = new StringBuilder();
    title.codePoints()
        .map(c -> Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : ' ')
        .forEach(cleaned::appendCodePoint);
    return String.join("_", cleaned.toString().trim().split(" +"));
  }

  private static List<Object> nullIfEmpty(List<Object> list) {
    return list.isEmpty() ? null : list;
  }
}
