package io.lazarus.cli.config;

import io.lazarus.cli.client.UaaTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The contents of {@code ~/.lazarus/config}: the known environments. Immutable; the {@code with...} methods return
 * changed copies for {@link ConfigStore#save}.
 */
public record CliConfig(List<EnvironmentEntry> environments) {
  public CliConfig {
    environments = environments == null ? List.of() : List.copyOf(environments);
  }

  public static CliConfig empty() {
    return new CliConfig(List.of());
  }

  /** The entry whose alias is {@code aliasOrUrl}, else the one whose URL is. */
  public Optional<EnvironmentEntry> find(String aliasOrUrl) {
    return environments.stream().filter(e -> aliasOrUrl.equals(e.alias())).findFirst()
        .or(() -> environments.stream().filter(e -> aliasOrUrl.equals(e.url())).findFirst());
  }

  /**
   * Points {@code alias} at {@code url}. Saved credentials are kept when the alias already pointed at the same
   * URL, and dropped otherwise: they belong to the other Director.
   */
  public CliConfig withAlias(String alias, String url, String caCert) {
    List<EnvironmentEntry> updated = new ArrayList<>();
    EnvironmentEntry replacement = new EnvironmentEntry(alias, url, caCert, null, null, null, null);
    for (EnvironmentEntry entry : environments) {
      if (alias.equals(entry.alias())) {
        if (url.equals(entry.url())) {
          replacement = new EnvironmentEntry(alias, url, caCert, entry.client(), entry.clientSecret(),
              entry.accessToken(), entry.refreshToken());
        }
      } else {
        updated.add(entry);
      }
    }
    updated.add(replacement);
    return new CliConfig(updated);
  }

  /** Saves credentials for the entry found by {@code aliasOrUrl}, adding an entry for a bare URL. */
  public CliConfig withCredentials(String aliasOrUrl, String url, String client, String clientSecret) {
    return withLogin(aliasOrUrl, url, entry -> entry.withCredentials(client, clientSecret));
  }

  /** Saves a UAA user's tokens for the entry found by {@code aliasOrUrl}, adding an entry for a bare URL. */
  public CliConfig withTokens(String aliasOrUrl, String url, UaaTokens tokens) {
    return withLogin(aliasOrUrl, url, entry -> entry.withTokens(tokens));
  }

  private CliConfig withLogin(String aliasOrUrl, String url, UnaryOperator<EnvironmentEntry> login) {
    Optional<EnvironmentEntry> existing = find(aliasOrUrl);
    List<EnvironmentEntry> updated = new ArrayList<>();
    for (EnvironmentEntry entry : environments) {
      boolean target = existing.isPresent() && entry == existing.get();
      updated.add(target ? login.apply(entry) : entry);
    }
    if (existing.isEmpty()) {
      updated.add(login.apply(new EnvironmentEntry(null, url, null, null, null, null, null)));
    }
    return new CliConfig(updated);
  }

  /** Forgets the credentials and tokens of the entry found by {@code aliasOrUrl}; the alias itself stays. */
  public CliConfig withoutCredentials(String aliasOrUrl) {
    Optional<EnvironmentEntry> existing = find(aliasOrUrl);
    return new CliConfig(environments.stream()
        .map(entry -> existing.isPresent() && Objects.equals(entry, existing.get())
            ? entry.withCredentials(null, null) : entry)
        .toList());
  }
}
