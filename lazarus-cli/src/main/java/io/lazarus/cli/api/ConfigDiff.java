package io.lazarus.cli.api;

import java.util.List;

/**
 * {@code POST /configs/diff}: the id of the current latest version ({@code "0"} when there is none) and the diff,
 * each entry {@code [line, "added" | "removed" | null]}.
 */
public record ConfigDiff(From from, List<List<String>> diff) {
  public record From(String id) {}
}
