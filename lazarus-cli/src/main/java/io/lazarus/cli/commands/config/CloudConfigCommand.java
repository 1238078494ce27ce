package io.lazarus.cli.commands.config;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.api.Config;
import io.lazarus.cli.client.Query;
import picocli.CommandLine.Command;

@Command(name = "cloud-config", aliases = "cc", description = "Show the current cloud config")
public final class CloudConfigCommand extends LazarusSubcommand {
  @Override
  protected void run(Session session) {
    String path = Query.of().with("latest", true).with("name", "default").with("type", "cloud").appendTo("/configs");
    Config[] configs = session.director().getJson(path, Config[].class);
    if (configs.length == 0) {
      throw new IllegalStateException("No cloud config");
    }
    String content = configs[0].content();
    session.ui().printBlock(content.endsWith("\n") ? content : content + "\n");
  }
}
