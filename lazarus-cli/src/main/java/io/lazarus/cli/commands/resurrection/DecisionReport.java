package io.lazarus.cli.commands.resurrection;

import io.lazarus.cli.api.ResurrectionDecisions;
import io.lazarus.cli.ui.Cell;
import io.lazarus.cli.ui.Table;
import io.lazarus.cli.ui.TimeFormats;
import io.lazarus.cli.ui.Ui;
import java.time.Instant;

/** Renders the Health Monitor's decisions: a line for the deployment, then one table row per instance. */
final class DecisionReport {
  private DecisionReport() {}

  static void print(Ui ui, ResurrectionDecisions decisions) {
    ui.printLine("Deployment '" + decisions.deployment() + "': " + decisions.state() + " (" + decisions.summary() + ")");
    ui.printLine(pause(decisions));
    Table.Builder table = Table.builder("decisions", "Instance", "AZ", "Last heartbeat", "Enabled", "Decision", "Reason").sortBy(0, true);
    for (ResurrectionDecisions.Instance instance : decisions.instances()) {
      table.row(
          Cell.text(instance.instance()),
          Cell.text(instance.az()),
          Cell.text(heartbeat(instance.silentSeconds())),
          Cell.text(enabled(instance)),
          Cell.text(instance.decision()),
          Cell.text(instance.reason()));
    }
    ui.printTable(table.build());
  }

  private static String pause(ResurrectionDecisions decisions) {
    if (!decisions.resurrectionPaused()) {
      return "Resurrection: on";
    }
    return decisions.pausedUntil() == null
        ? "Resurrection: paused"
        : "Resurrection: paused until " + TimeFormats.full(Instant.ofEpochSecond(decisions.pausedUntil()));
  }

  /** "3s ago", "12m ago", "5h ago"; "never" for an agent not heard of since the HM started. */
  static String heartbeat(Long silentSeconds) {
    if (silentSeconds == null) {
      return "never";
    }
    if (silentSeconds < 120) {
      return silentSeconds + "s ago";
    }
    if (silentSeconds < 7200) {
      return silentSeconds / 60 + "m ago";
    }
    return silentSeconds / 3600 + "h ago";
  }

  private static String enabled(ResurrectionDecisions.Instance instance) {
    String enabled = instance.resurrectionEnabled() == null ? "-" : instance.resurrectionEnabled() ? "yes" : "no";
    return instance.rule() == null || instance.rule().isBlank() ? enabled : enabled + " (" + instance.rule() + ")";
  }
}
