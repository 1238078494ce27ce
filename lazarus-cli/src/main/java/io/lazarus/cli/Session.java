package io.lazarus.cli;

import io.lazarus.cli.api.Info;
import io.lazarus.cli.api.Task;
import io.lazarus.cli.client.Authorization;
import io.lazarus.cli.client.ClientTokenAuthorization;
import io.lazarus.cli.client.Credentials;
import io.lazarus.cli.client.DirectorClient;
import io.lazarus.cli.client.DirectorUrl;
import io.lazarus.cli.client.TaskFollower;
import io.lazarus.cli.client.TlsContexts;
import io.lazarus.cli.client.UaaClient;
import io.lazarus.cli.client.UaaTokens;
import io.lazarus.cli.client.UserTokenAuthorization;
import io.lazarus.cli.config.CliConfig;
import io.lazarus.cli.config.ConfigStore;
import io.lazarus.cli.config.EnvironmentEntry;
import io.lazarus.cli.ui.JsonUi;
import io.lazarus.cli.ui.Prompter;
import io.lazarus.cli.ui.TaskReporter;
import io.lazarus.cli.ui.TextUi;
import io.lazarus.cli.ui.Ui;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What one CLI invocation works with: its UI, prompts, config file, and the Director chosen by the global options
 * (falling back to {@code LAZARUS_*} then {@code BOSH_*} variables, then the config file's alias). Built lazily, so
 * commands that need no Director never resolve one.
 *
 * <p>One thread at a time.
 */
public final class Session {
  private final LazarusCommand options;
  private final CliEnvironment environment;
  private Ui ui;
  private Prompter prompter;
  private DirectorClient director;

  Session(LazarusCommand options, CliEnvironment environment) {
    this.options = options;
    this.environment = environment;
  }

  public CliEnvironment environment() {
    return environment;
  }

  public Ui ui() {
    if (ui == null) {
      ui = options.json
          ? new JsonUi(environment.out())
          : new TextUi(environment.out(), environment.err());
    }
    return ui;
  }

  /** Whether {@code --json} asked for the bosh CLI's JSON document instead of text. */
  public boolean jsonOutput() {
    return options.json;
  }

  public Prompter prompter() {
    if (prompter == null) {
      prompter = new Prompter(environment.in(), environment.out(), environment.console(),
          options.nonInteractive, !options.json);
    }
    return prompter;
  }

  public ConfigStore configStore() {
    return new ConfigStore(ConfigStore.locate(environment.variables(), environment.userHome()));
  }

  /** The environment named by {@code -e}, {@code LAZARUS_ENVIRONMENT} or {@code BOSH_ENVIRONMENT}. */
  public String environmentName() {
    String name = options.environment != null
        ? options.environment : environment.variable("LAZARUS_ENVIRONMENT", "BOSH_ENVIRONMENT");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("Expected non-empty Director URL (pass -e or set BOSH_ENVIRONMENT)");
    }
    return name;
  }

  public Target target() {
    String name = environmentName();
    Optional<EnvironmentEntry> entry = configStore().load().find(name);
    String url = entry.map(EnvironmentEntry::url).orElse(name);
    String caCert = caCertOption().orElse(entry.map(EnvironmentEntry::caCert).orElse(null));
    Credentials credentials = credentials(entry).orElse(null);
    UaaTokens tokens = credentials == null ? entry.map(EnvironmentEntry::tokens).orElse(null) : null;
    return new Target(name, url, DirectorUrl.parse(url), caCert, credentials, tokens);
  }

  /** The {@code --ca-cert} value (a path, or PEM text when it contains "BEGIN") as PEM text. */
  public Optional<String> caCertOption() {
    String value = options.caCert != null ? options.caCert : environment.variable("LAZARUS_CA_CERT", "BOSH_CA_CERT");
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    if (value.contains("BEGIN")) {
      return Optional.of(value);
    }
    try {
      return Optional.of(Files.readString(Path.of(value)));
    } catch (IOException e) {
      throw new UncheckedIOException("Reading CA certificate '" + value + "'", e);
    }
  }

  /** Credentials from {@code --client}/{@code --client-secret} or the variables; empty if none were given. */
  public Optional<Credentials> credentialsOption() {
    String client = options.client != null ? options.client : environment.variable("LAZARUS_CLIENT", "BOSH_CLIENT");
    String secret = options.clientSecret != null
        ? options.clientSecret : environment.variable("LAZARUS_CLIENT_SECRET", "BOSH_CLIENT_SECRET");
    return client == null || client.isBlank() ? Optional.empty() : Optional.of(new Credentials(client, secret));
  }

  private Optional<Credentials> credentials(Optional<EnvironmentEntry> entry) {
    return credentialsOption().or(() -> entry
        .filter(e -> e.client() != null && !e.client().isBlank())
        .map(e -> new Credentials(e.client(), e.clientSecret())));
  }

  /**
   * The Director with credentials; says once which environment and client are used. As the bosh CLI does, it first
   * asks the Director anonymously how it authenticates: Basic credentials, or UAA tokens for the given client or
   * the saved user login.
   */
  public DirectorClient director() {
    if (director == null) {
      Target target = target();
      Authorization authorization = authorization(target, client(target, null).getJson("/info", Info.class));
      director = client(target, authorization);
      String who = authorization == null ? "anonymous user" : authorization.describe();
      ui().printLine("Using environment '" + target.shownAs() + "' as " + who);
    }
    return director;
  }

  private Authorization authorization(Target target, Info info) {
    if (!info.usesUaa()) {
      return target.credentials();
    }
    UaaClient uaa = uaa(target, info);
    if (target.credentials() != null) {
      return new ClientTokenAuthorization(uaa, target.credentials());
    }
    if (target.tokens() != null) {
      return new UserTokenAuthorization(uaa, target.tokens(),
          renewed -> saveConfig(configStore().load().withTokens(target.name(), target.shownAs(), renewed)));
    }
    return null;
  }

  /** The UAA the Director's {@code /info} names, trusted with the Director's CA as the bosh CLI does. */
  public UaaClient uaa(Target target, Info info) {
    String url = info.userAuthentication().options() == null ? null : info.userAuthentication().options().url();
    if (url == null || url.isBlank()) {
      throw new IllegalStateException("The Director uses UAA but names no UAA url in /info");
    }
    return new UaaClient(URI.create(url), TlsContexts.trusting(target.caCert()));
  }

  /** @param authorization null for anonymous calls */
  public DirectorClient client(Target target, Authorization authorization) {
    return new DirectorClient(
        target.url(), TlsContexts.trusting(target.caCert()), authorization, environment.sleeper());
  }

  /** The deployment named by {@code -d}, {@code LAZARUS_DEPLOYMENT} or {@code BOSH_DEPLOYMENT}. */
  public Optional<String> deploymentOption() {
    String name = options.deployment != null
        ? options.deployment : environment.variable("LAZARUS_DEPLOYMENT", "BOSH_DEPLOYMENT");
    return Optional.ofNullable(name).filter(n -> !n.isBlank());
  }

  /** The deployment a command needs; says which one is used. */
  public String deployment() {
    String name = deploymentOption().orElseThrow(
        () -> new IllegalArgumentException("Expected non-empty deployment name (pass -d or set BOSH_DEPLOYMENT)"));
    director();
    ui().printLine("Using deployment '" + name + "'");
    return name;
  }

  /** Follows a task's events to its end; fails unless it ends {@code done}. */
  public Task follow(Task task) throws InterruptedException {
    return tasks().follow(task.id(), "event", TaskReporter.forEvents(ui()));
  }

  public TaskFollower tasks() {
    return new TaskFollower(director(), environment.sleeper());
  }

  /** Where upload progress is drawn: stderr on a terminal, nowhere with {@code --json} or when redirected. */
  public PrintStream progressStream() {
    return environment.terminal() && !options.json ? environment.err() : null;
  }

  public void saveConfig(CliConfig config) {
    configStore().save(config);
  }
}
