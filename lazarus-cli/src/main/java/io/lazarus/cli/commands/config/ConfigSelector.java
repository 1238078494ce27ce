package io.lazarus.cli.commands.config;

import io.lazarus.cli.client.Query;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Picks a config by {@code ID}, or by {@code --type} and {@code --name}; exactly one of the two. */
final class ConfigSelector {
  @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "Config ID")
  String id;

  @Option(names = "--type", description = "Config type, with --name")
  String type;

  @Option(names = "--name", description = "Config name, with --type")
  String name;

  /** @return null when the selection is valid, else what is wrong with it */
  String problem() {
    boolean byId = id != null;
    boolean byName = type != null || name != null;
    if (byId && byName) {
      return "Expected either ID or --type and --name, not both";
    }
    if (!byId && (type == null || name == null)) {
      return "Expected ID, or both --type and --name";
    }
    return null;
  }

  boolean byId() {
    return id != null;
  }

  /** The latest version of the named config. */
  String latestPath() {
    return Query.of().with("latest", true).with("name", name).with("type", type).appendTo("/configs");
  }

  String deletePath() {
    return byId() ? "/configs/" + Query.segment(id) : Query.of().with("name", name).with("type", type).appendTo("/configs");
  }

  @Override
  public String toString() {
    return byId() ? "ID '" + id + "'" : "type '" + type + "' and name '" + name + "'";
  }
}
