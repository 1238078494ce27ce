package io.lazarus.cli;

import io.lazarus.cli.client.Credentials;
import java.net.URI;

/**
 * The Director a command talks to, resolved from flags, variables and the config file.
 *
 * @param name the environment as the user named it (alias or URL); the config key for saved credentials
 * @param shownAs how "Using environment '...'" names it: the URL, as the bosh CLI prints it
 * @param caCert PEM text, or null for the system trust store
 * @param credentials null when none are known
 */
public record Target(String name, String shownAs, URI url, String caCert, Credentials credentials) {
  public Target withCredentials(Credentials newCredentials) {
    return new Target(name, shownAs, url, caCert, newCredentials);
  }
}
