package io.lazarus.cli.config;

/**
 * One Director the user has targeted: its URL, an optional alias, the CA to trust (PEM text) and the saved
 * client credentials. Absent values are null.
 */
public record EnvironmentEntry(String alias, String url, String caCert, String client, String clientSecret) {
  public EnvironmentEntry {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("environment entry has no url");
    }
  }

  EnvironmentEntry withCredentials(String newClient, String newSecret) {
    return new EnvironmentEntry(alias, url, caCert, newClient, newSecret);
  }

  @Override
  public String toString() {
    return "EnvironmentEntry[alias=" + alias + ", url=" + url + ", client=" + client + "]"; // never the secret
  }
}
