package io.lazarus.cli.commands.config;

import io.lazarus.cli.Session;
import io.lazarus.cli.api.Config;
import io.lazarus.cli.client.Query;

/** The config named {@code default} of a type, as {@code cloud-config} and {@code cpi-config} show it. */
final class DefaultConfig {
  private DefaultConfig() {}

  /** Prints the latest {@code default} config of {@code type}, or fails with {@code noneMessage}. */
  static void print(Session session, String type, String noneMessage) {
    String path = Query.of().with("latest", true).with("name", "default").with("type", type).appendTo("/configs");
    Config[] configs = session.director().getJson(path, Config[].class);
    if (configs.length == 0) {
      throw new IllegalStateException(noneMessage);
    }
    String content = configs[0].content();
    session.ui().printBlock(content.endsWith("\n") ? content : content + "\n");
  }
}
