package io.lazarus.cli.commands.env;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.Target;
import io.lazarus.cli.api.Info;
import io.lazarus.cli.client.Credentials;
import io.lazarus.cli.client.DirectorResponseException;
import picocli.CommandLine.Command;

/**
 * Checks credentials against the Director ({@code GET /info} names the user it accepted) before saving them for
 * the environment. They come from {@code --client}/{@code --client-secret} or the variables, else are asked for.
 */
@Command(name = "log-in", aliases = "l", description = "Log in to the Director and save the credentials")
public final class LogInCommand extends LazarusSubcommand {
  @Override
  protected void run(Session session) {
    Target target = session.target();
    Credentials credentials = session.credentialsOption().orElseGet(() -> new Credentials(
        session.prompter().askText("Username"), session.prompter().askPassword("Password")));
    String user = authenticatedUser(session, target.withCredentials(credentials));
    if (user == null || user.isEmpty()) {
      throw new IllegalStateException("Invalid credentials: the Director did not accept client '"
          + credentials.client() + "'");
    }
    session.saveConfig(session.configStore().load()
        .withCredentials(target.name(), target.shownAs(), credentials.client(), credentials.clientSecret()));
    session.ui().printLine("Logged in to '" + target.shownAs() + "'");
  }

  private static String authenticatedUser(Session session, Target target) {
    try {
      return session.client(target).getJson("/info", Info.class).user();
    } catch (DirectorResponseException e) {
      if (e.status() == 401) {
        return null;
      }
      throw e;
    }
  }
}
