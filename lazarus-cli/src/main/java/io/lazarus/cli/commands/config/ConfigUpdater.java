package io.lazarus.cli.commands.config;

import io.lazarus.cli.CommandFailure;
import io.lazarus.cli.Session;
import io.lazarus.cli.api.Config;
import io.lazarus.cli.api.ConfigDiff;
import io.lazarus.cli.client.DirectorClient;
import io.lazarus.cli.ui.Diffs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Updates a config the way the bosh CLI does: show the Director's diff against the latest version, ask, then
 * create the new version naming the latest id seen, so a concurrent update fails (412) instead of being lost.
 */
final class ConfigUpdater {
  private ConfigUpdater() {}

  /** @param content the config's YAML text, as the command's interpolation flags evaluated it */
  static void update(Session session, String type, String name, String content) {
    DirectorClient director = session.director();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("name", name);
    body.put("content", content);
    ConfigDiff diff;
    try {
      diff = director.sendJson("POST", "/configs/diff", body, ConfigDiff.class);
    } catch (RuntimeException e) {
      throw new CommandFailure("Diffing config", e);
    }
    Diffs.print(session.ui(), diff.diff() == null ? List.of() : diff.diff());
    session.prompter().confirm();
    body.put("expected_latest_id", diff.from() == null || diff.from().id() == null ? "0" : diff.from().id());
    try {
      director.sendJson("POST", "/configs", body, Config.class);
    } catch (RuntimeException e) {
      throw new CommandFailure("Updating config", e);
    }
  }
}
