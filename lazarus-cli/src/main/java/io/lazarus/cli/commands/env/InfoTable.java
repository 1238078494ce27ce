package io.lazarus.cli.commands.env;

import io.lazarus.cli.api.Info;
import io.lazarus.cli.ui.Cell;
import io.lazarus.cli.ui.Table;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The Director's {@code /info} as {@code bosh env} shows it: one "Header  value" line per field. */
final class InfoTable {
  private InfoTable() {}

  static Table of(Info info) {
    Map<String, Info.Feature> features = new TreeMap<>(info.features() == null ? Map.of() : info.features());
    String featureLines = features.entrySet().stream()
        .map(f -> f.getKey() + ": " + (f.getValue() != null && Boolean.TRUE.equals(f.getValue().status())
            ? "enabled" : "disabled"))
        .collect(Collectors.joining("\n"));
    String stemcell = info.stemcellOs() == null || info.stemcellOs().isEmpty()
        ? "" : info.stemcellOs() + "/" + info.stemcellVersion();
    String user = info.user() == null || info.user().isEmpty() ? "(not logged in)" : info.user();
    return Table.builder("", "Name", "UUID", "Version", "Director Stemcell", "CPI", "Features", "User")
        .transposed()
        .row(Cell.text(info.name()), Cell.text(info.uuid()), Cell.text(info.version()), Cell.text(stemcell),
            Cell.text(info.cpi()), Cell.text(featureLines), Cell.text(user))
        .build();
  }
}
