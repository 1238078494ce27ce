package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.cli.config.CliConfig;
import io.lazarus.cli.config.ConfigStore;
import io.lazarus.cli.config.EnvironmentEntry;
import io.lazarus.core.json.Json;
import io.lazarus.director.Director;
import io.lazarus.director.DirectorConfig;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against a real Director in UAA mode and a real OAuth2 token server. UAA serves tokens at
 * {@code <url>/oauth/token}; the token server names its issuer after that path, so the Director is told to expect it.
 */
class UaaLoginIT {
  private static final String ISSUER_ID = "uaa/oauth";

  @TempDir
  static Path dir;

  @TempDir
  Path home;

  private static MockOAuth2Server uaa;
  private static Director director;
  private static String caPem;

  @BeforeAll
  static void start() throws Exception {
    uaa = new MockOAuth2Server();
    uaa.start(InetAddress.getLoopbackAddress(), 0);
    Path config = Files.writeString(dir.resolve("director.yml"), """
        name: uaa-director
        address: 127.0.0.1
        port: 0
        store: %s
        user_management:
          provider: uaa
          uaa:
            url: %s
            issuer: %s
            jwks_url: %s
        """.formatted(dir.resolve("store"), uaa.url("/uaa"), uaa.issuerUrl(ISSUER_ID), uaa.jwksUrl(ISSUER_ID)));
    director = Director.start(DirectorConfig.load(config));
    caPem = Files.readString(director.services().store().tls().resolve("ca.pem"));
  }

  @AfterAll
  static void stop() {
    director.close();
    uaa.shutdown();
  }

  @BeforeEach
  void forgetEarlierTokenRequests() {
    tokenRequests();
  }

  @Test
  void aClientGetsAClientCredentialsTokenAndANewOneAfterA401() throws Exception {
    issue("ci", -120);
    issue("ci", 3600);

    CliRun.Result result = cli().variable("BOSH_CLIENT", "ci").variable("BOSH_CLIENT_SECRET", "ci-secret").run("tasks");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("Using environment '" + director.url() + "' as client 'ci'\n");
    List<RecordedRequest> grants = tokenRequests();
    assertThat(grants).hasSize(2).allSatisfy(grant -> {
      assertThat(grant.getPath()).isEqualTo("/uaa/oauth/token");
      assertThat(grant.getHeader("Authorization")).isEqualTo(basic("ci", "ci-secret"));
      assertThat(form(grant)).isEqualTo(Map.of("grant_type", "client_credentials"));
    });
  }

  @Test
  void logInWithoutAClientTradesThePasswordForTokensSavedPrivately() throws Exception {
    issue("alice", 3600);
    CliRun cli = cli().stdin("alice\nalice-password\n");

    CliRun.Result loggedIn = cli.run("log-in");
    CliRun.Result tasks = cli.run("tasks");

    assertThat(loggedIn.exitCode()).as(loggedIn.err()).isZero();
    assertThat(loggedIn.out()).contains("Logged in to '" + director.url() + "'");
    RecordedRequest grant = tokenRequests().getFirst();
    assertThat(grant.getHeader("Authorization")).isEqualTo(basic("bosh_cli", ""));
    assertThat(form(grant)).isEqualTo(Map.of("grant_type", "password", "username", "alice", "password", "alice-password"));
    EnvironmentEntry saved = new ConfigStore(cli.configFile()).load().find(director.url().toString()).orElseThrow();
    assertThat(saved.client()).isNull();
    assertThat(saved.accessToken()).isNotBlank();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.configFile()))).isEqualTo("rw-------");
    assertThat(tasks.exitCode()).as(tasks.err()).isZero();
    assertThat(tasks.out()).startsWith("Using environment '" + director.url() + "' as user 'alice'\n");
  }

  @Test
  void anExpiredSavedTokenIsRefreshedOnceAndTheNewOneSaved() throws Exception {
    CliRun cli = cli();
    String expired = passwordToken("bob", -120);
    new ConfigStore(cli.configFile()).save(new CliConfig(List.of(new EnvironmentEntry(
        null, director.url().toString(), null, null, null, expired, "bob-refresh-token"))));
    forgetEarlierTokenRequests();
    issue("bob", 3600);

    CliRun.Result result = cli.run("tasks");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(tokenRequests()).singleElement().extracting(UaaLoginIT::form)
        .isEqualTo(Map.of("grant_type", "refresh_token", "refresh_token", "bob-refresh-token"));
    EnvironmentEntry saved = new ConfigStore(cli.configFile()).load().find(director.url().toString()).orElseThrow();
    assertThat(saved.accessToken()).isNotEqualTo(expired);
    assertThat(saved.refreshToken()).isNotBlank();
  }

  @Test
  void withoutALoginTheDirectorRefusesAndNothingIsAskedOfUaa() throws Exception {
    CliRun.Result result = cli().run("tasks");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).startsWith("Using environment '" + director.url() + "' as anonymous user\n");
    assertThat(result.err()).contains("status code '401'");
    assertThat(tokenRequests()).isEmpty();
  }

  private CliRun cli() {
    return new CliRun(home).variable("BOSH_ENVIRONMENT", director.url().toString()).variable("BOSH_CA_CERT", caPem);
  }

  /** The next token the server issues names {@code user} and carries UAA's bosh.admin scope. */
  private static void issue(String user, long expirySeconds) {
    uaa.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, user, "JWT", List.of("bosh_cli"),
        Map.of("scope", List.of("bosh.admin"), "user_name", user), expirySeconds));
  }

  private static String passwordToken(String user, long expirySeconds) throws Exception {
    issue(user, expirySeconds);
    HttpRequest request = HttpRequest.newBuilder(URI.create(uaa.url("/uaa/oauth/token").toString()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Authorization", basic("bosh_cli", ""))
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + user + "&password=x"))
        .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    return (String) Json.read(response.body(), Map.class).get("access_token");
  }

  /** The token requests since the last call; the Director's JWKS fetches are left out. */
  private static List<RecordedRequest> tokenRequests() {
    List<RecordedRequest> requests = new ArrayList<>();
    while (true) {
      RecordedRequest request;
      try {
        request = uaa.takeRequest(0, TimeUnit.MILLISECONDS);
      } catch (RuntimeException e) { // the server's way of saying its queue is empty
        return requests;
      }
      if (request.getPath().endsWith("/token")) {
        requests.add(request);
      }
    }
  }

  private static String basic(String client, String secret) {
    return "Basic " + Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> form(RecordedRequest request) {
    return Arrays.stream(request.getBody().readUtf8().split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
  }
}
