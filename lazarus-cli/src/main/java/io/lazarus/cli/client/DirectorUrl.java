package io.lazarus.cli.client;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The Director's base URL from what the user typed ({@code 10.0.0.6}, {@code 10.0.0.6:25555},
 * {@code https://director.example.com}). As in the bosh CLI only host and port count: the scheme is always
 * {@code https} and the port defaults to 25555.
 */
public final class DirectorUrl {
  public static final int DEFAULT_PORT = 25555;

  private DirectorUrl() {}

  public static URI parse(String target) {
    if (target == null || target.isBlank()) {
      throw new IllegalArgumentException("Expected non-empty Director URL");
    }
    String trimmed = target.trim();
    String withScheme = trimmed.contains("://") ? trimmed : "https://" + trimmed;
    try {
      URI uri = new URI(withScheme);
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("Director URL '" + target + "' has no host");
      }
      int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
      return new URI("https", null, uri.getHost(), port, null, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Director URL '" + target + "' is not a valid URL: " + e.getReason(), e);
    }
  }
}
