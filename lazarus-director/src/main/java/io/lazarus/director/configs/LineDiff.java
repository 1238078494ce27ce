package io.lazarus.director.configs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The diff BOSH's config endpoints return: the lines of the new document, each marked "added", "removed" or
 * unchanged (null), computed as a longest-common-subsequence over lines. Identical documents give no lines.
 */
public final class LineDiff {
  private static final long MAX_CELLS = 4_000_000;

  private LineDiff() {}

  /** One line of a diff: its text and "added", "removed" or null. */
  public record Line(String text, String status) {
    public List<String> toJson() {
      return Arrays.asList(text, status);
    }
  }

  public static List<Line> diff(String from, String to) {
    if (from.equals(to)) {
      return List.of();
    }
    String[] a = lines(from);
    String[] b = lines(to);
    int prefix = 0;
    while (prefix < a.length && prefix < b.length && a[prefix].equals(b[prefix])) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix].equals(b[b.length - 1 - suffix])) {
      suffix++;
    }
    List<Line> result = new ArrayList<>();
    for (int k = 0; k < prefix; k++) {
      result.add(new Line(a[k], null));
    }
    String[] midA = Arrays.copyOfRange(a, prefix, a.length - suffix);
    String[] midB = Arrays.copyOfRange(b, prefix, b.length - suffix);
    if ((long) midA.length * midB.length <= MAX_CELLS) {
      middle(midA, midB, result);
    } else {
      // Too large to align line by line in bounded memory: show the changed block as removed, then added.
      Arrays.stream(midA).forEach(line -> result.add(new Line(line, "removed")));
      Arrays.stream(midB).forEach(line -> result.add(new Line(line, "added")));
    }
    for (int k = b.length - suffix; k < b.length; k++) {
      result.add(new Line(b[k], null));
    }
    return result;
  }

  private static void middle(String[] a, String[] b, List<Line> result) {
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i].equals(b[j])) {
        result.add(new Line(a[i], null));
        i++;
        j++;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        result.add(new Line(a[i++], "removed"));
      } else {
        result.add(new Line(b[j++], "added"));
      }
    }
    while (i < a.length) {
      result.add(new Line(a[i++], "removed"));
    }
    while (j < b.length) {
      result.add(new Line(b[j++], "added"));
    }
  }

  private static String[] lines(String text) {
    if (text.isEmpty()) {
      return new String[0];
    }
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return body.split("\r?\n", -1);
  }
}
