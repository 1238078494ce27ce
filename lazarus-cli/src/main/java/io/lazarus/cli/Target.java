package io.lazarus.cli;

import io.lazarus.cli.client.Credentials;
import io.lazarus.cli.client.UaaTokens;
import java.net.URI;

/**
 * The Director a command talks to, resolved from flags, variables and the config file.
 *
 * @param name the environment as the user named it (alias or URL); the config key for saved credentials
 * @param shownAs how "Using environment '...'" names it: the URL, as the bosh CLI prints it
 * @param caCert PEM text, or null for the system trust store
 * @param credentials null when none are known
 * @param tokens a UAA user's saved tokens; null when none are saved
 */
public record Target(String name, String shownAs, URI url, String caCert, Credentials credentials, UaaTokens tokens) {}
