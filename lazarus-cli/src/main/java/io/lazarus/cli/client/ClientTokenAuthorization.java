package io.lazarus.cli.client;

/**
 * A UAA client's bearer token, fetched with client_credentials on first use and fetched anew after a 401 (UAA
 * issues no refresh token for this grant).
 *
 * <p>Thread-safe.
 */
public final class ClientTokenAuthorization implements Authorization {
  private final UaaClient uaa;
  private final Credentials client;
  private String accessToken;

  public ClientTokenAuthorization(UaaClient uaa, Credentials client) {
    this.uaa = uaa;
    this.client = client;
  }

  @Override
  public synchronized String header() {
    if (accessToken == null) {
      refresh();
    }
    return "Bearer " + accessToken;
  }

  @Override
  public synchronized boolean refresh() {
    accessToken = uaa.clientCredentials(client).accessToken();
    return true;
  }

  @Override
  public String describe() {
    return client.describe();
  }
}
