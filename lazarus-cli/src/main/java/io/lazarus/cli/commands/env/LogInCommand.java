package io.lazarus.cli.commands.env;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.Target;
import io.lazarus.cli.api.Info;
import io.lazarus.cli.client.Authorization;
import io.lazarus.cli.client.ClientTokenAuthorization;
import io.lazarus.cli.client.Credentials;
import io.lazarus.cli.client.DirectorResponseException;
import io.lazarus.cli.client.UaaClient;
import io.lazarus.cli.client.UaaTokens;
import io.lazarus.cli.client.UserTokenAuthorization;
import io.lazarus.cli.config.CliConfig;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * Checks a login against the Director ({@code GET /info} names the user it accepted) before saving it for the
 * environment. With local users, client credentials come from {@code --client}/{@code --client-secret} or the
 * variables, else are asked for. With UAA, a given client gets a client_credentials token; otherwise username and
 * password are traded for tokens (password grant, client {@code bosh_cli}) and the tokens are saved.
 */
@Command(name = "log-in", aliases = "l", description = "Log in to the Director and save the credentials")
public final class LogInCommand extends LazarusSubcommand {
  @Override
  protected void run(Session session) {
    Target target = session.target();
    Info info = session.client(target, null).getJson("/info", Info.class);
    Optional<Credentials> client = session.credentialsOption();
    CliConfig config = session.configStore().load();
    if (info.usesUaa() && client.isEmpty()) {
      UaaClient uaa = session.uaa(target, info);
      UaaTokens tokens =
          uaa.password(session.prompter().askText("Username"), session.prompter().askPassword("Password"));
      Authorization authorization = new UserTokenAuthorization(uaa, tokens, renewed -> {});
      check(session, target, authorization);
      session.saveConfig(config.withTokens(target.name(), target.shownAs(), tokens));
    } else {
      Credentials credentials = client.orElseGet(() -> new Credentials(
          session.prompter().askText("Username"), session.prompter().askPassword("Password")));
      check(session, target, info.usesUaa()
          ? new ClientTokenAuthorization(session.uaa(target, info), credentials) : credentials);
      session.saveConfig(config.withCredentials(
          target.name(), target.shownAs(), credentials.client(), credentials.clientSecret()));
    }
    session.ui().printLine("Logged in to '" + target.shownAs() + "'");
  }

  private static void check(Session session, Target target, Authorization authorization) {
    String user = authenticatedUser(session, target, authorization);
    if (user == null || user.isEmpty()) {
      throw new IllegalStateException("Invalid credentials: the Director did not accept " + authorization.describe());
    }
  }

  private static String authenticatedUser(Session session, Target target, Authorization authorization) {
    try {
      return session.client(target, authorization).getJson("/info", Info.class).user();
    } catch (DirectorResponseException e) {
      if (e.status() == 401) {
        return null;
      }
      throw e;
    }
  }
}
