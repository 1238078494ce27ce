package io.lazarus.cli.commands.env;

import io.lazarus.cli.Session;
import io.lazarus.cli.Target;
import io.lazarus.cli.api.Info;
import io.lazarus.cli.client.DirectorUrl;
import io.lazarus.cli.config.CliConfig;

/** Saves an alias after checking that the Director answers at that URL with that CA. */
final class Aliases {
  private Aliases() {}

  static void save(Session session, String alias, String url) {
    String caCert = session.caCertOption().orElse(null);
    Target target = new Target(alias, url, DirectorUrl.parse(url), caCert, null, null);
    session.ui().printLine("Using environment '" + url + "' as anonymous user");
    Info info = session.client(target, null).getJson("/info", Info.class);
    CliConfig config = session.configStore().load();
    session.saveConfig(config.withAlias(alias, url, caCert));
    session.ui().printTable(InfoTable.of(info));
  }
}
