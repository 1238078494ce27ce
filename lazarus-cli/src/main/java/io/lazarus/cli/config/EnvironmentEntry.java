package io.lazarus.cli.config;

import io.lazarus.cli.client.UaaTokens;

/**
 * One Director the user has targeted: its URL, an optional alias, the CA to trust (PEM text) and what {@code log-in}
 * saved: client credentials, or a UAA user's access and refresh tokens. Absent values are null.
 */
public record EnvironmentEntry(
    String alias, String url, String caCert, String client, String clientSecret, String accessToken,
    String refreshToken) {
  public EnvironmentEntry {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("environment entry has no url");
    }
  }

  /** Saved tokens replace saved credentials and the other way round: one login per environment. */
  EnvironmentEntry withCredentials(String newClient, String newSecret) {
    return new EnvironmentEntry(alias, url, caCert, newClient, newSecret, null, null);
  }

  EnvironmentEntry withTokens(UaaTokens tokens) {
    return new EnvironmentEntry(alias, url, caCert, null, null, tokens.accessToken(), tokens.refreshToken());
  }

  /** The saved UAA tokens; null when none are saved. */
  public UaaTokens tokens() {
    return accessToken == null || accessToken.isBlank() ? null : new UaaTokens(accessToken, refreshToken);
  }

  @Override
  public String toString() {
    return "EnvironmentEntry[alias=" + alias + ", url=" + url + ", client=" + client + "]"; // never the secret
  }
}
