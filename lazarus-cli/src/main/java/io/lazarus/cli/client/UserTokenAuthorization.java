package io.lazarus.cli.client;

import java.util.function.Consumer;

/**
 * A user's saved UAA tokens (from {@code log-in}). After a 401 the refresh token buys a new access token, which
 * is handed to {@code onRenewal} so the config file keeps the newest tokens.
 *
 * <p>Thread-safe.
 */
public final class UserTokenAuthorization implements Authorization {
  private final UaaClient uaa;
  private final Consumer<UaaTokens> onRenewal;
  private UaaTokens tokens;

  public UserTokenAuthorization(UaaClient uaa, UaaTokens tokens, Consumer<UaaTokens> onRenewal) {
    this.uaa = uaa;
    this.tokens = tokens;
    this.onRenewal = onRenewal;
  }

  @Override
  public synchronized String header() {
    return "Bearer " + tokens.accessToken();
  }

  @Override
  public synchronized boolean refresh() {
    if (tokens.refreshToken() == null) {
      return false;
    }
    tokens = tokens.renewedBy(uaa.refresh(tokens.refreshToken()));
    onRenewal.accept(tokens);
    return true;
  }

  @Override
  public synchronized String describe() {
    return "user '" + tokens.userName() + "'";
  }
}
