package io.lazarus.director.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.core.json.Json;
import io.lazarus.director.testing.ApiClient;
import io.lazarus.director.testing.TestDirector;
import io.lazarus.testing.DatabaseKind;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;

/**
 * UAA mode against a real OAuth2 token server: client-credentials tokens fetched over HTTP, checked for signature
 * (JWKS), issuer, expiry and the bosh.admin / bosh.read scopes.
 */
class UaaAuthenticationIT {
  private static final String ISSUER = "uaa";

  @TempDir static Path dir;
  static MockOAuth2Server tokenServer;
  static MockOAuth2Server strangerServer;
  static TestDirector director;

  @BeforeAll
  static void start() throws Exception {
    tokenServer = new MockOAuth2Server();
    tokenServer.start(InetAddress.getLoopbackAddress(), 0);
    strangerServer = new MockOAuth2Server();
    strangerServer.start(InetAddress.getLoopbackAddress(), 0);
    String issuer = tokenServer.issuerUrl(ISSUER).toString();
    director =
        TestDirector.start(
            DatabaseKind.H2,
            dir,
            "user_management:\n  provider: uaa\n  uaa:\n    url: " + issuer + "\n    issuer: " + issuer + "\n    jwks_url: " + tokenServer.jwksUrl(ISSUER) + "\n");
  }

  @AfterAll
  static void stop() {
    director.close();
    tokenServer.shutdown();
    strangerServer.shutdown();
  }

  /** A client_credentials token from the server's real token endpoint, carrying UAA's scope claim. */
  private static String token(MockOAuth2Server server, String client, List<String> scopes, long expirySeconds) throws Exception {
    server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, client, "JWT", List.of("bosh_cli"), Map.of("scope", scopes, "client_id", client), expirySeconds));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.tokenEndpointUrl(ISSUER).toString()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((client + ":secret").getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + String.join("+", scopes)))
            .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, Object> json = Json.mapper().readValue(response.body(), new TypeReference<Map<String, Object>>() {});
    return (String) json.get("access_token");
  }

  @Test
  void infoAdvertisesTheUaaServer() {
    ApiClient api = director.client();
    Map<String, Object> info = api.jsonObject(api.get("/info"));
    String issuer = tokenServer.issuerUrl(ISSUER).toString();
    assertThat(info.get("user_authentication")).isEqualTo(Map.of("type", "uaa", "options", Map.of("url", issuer, "urls", List.of(issuer))));
  }

  @Test
  void anAdminTokenCanChangeThingsAndNamesTheClient() throws Exception {
    ApiClient admin = director.client().bearer(token(tokenServer, "ci-admin", List.of("bosh.admin"), 3600));
    assertThat(admin.jsonObject(admin.get("/info"))).containsEntry("user", "ci-admin");
    assertThat(admin.put("/resurrection", "application/json", "{\"resurrection_paused\":false}").statusCode()).isEqualTo(200);
  }

  @Test
  void aReadTokenCanOnlyRead() throws Exception {
    ApiClient reader = director.client().bearer(token(tokenServer, "viewer", List.of("bosh.read"), 3600));
    assertThat(reader.get("/tasks").statusCode()).isEqualTo(200);
    assertThat(reader.put("/resurrection", "application/json", "{\"resurrection_paused\":true}").statusCode()).isEqualTo(401);
  }

  @Test
  void tokensWithoutBoshScopesFromAnotherSignerOrExpiredAreRefused() throws Exception {
    assertThat(director.client().bearer(token(tokenServer, "nobody", List.of("openid"), 3600)).get("/tasks").statusCode()).isEqualTo(401);
    assertThat(director.client().bearer(token(strangerServer, "forger", List.of("bosh.admin"), 3600)).get("/tasks").statusCode()).isEqualTo(401);
    assertThat(director.client().bearer(token(tokenServer, "late", List.of("bosh.admin"), -120)).get("/tasks").statusCode()).isEqualTo(401);
    assertThat(director.client().bearer("not-a-jwt").get("/tasks").statusCode()).isEqualTo(401);
    String[] reader = token(tokenServer, "viewer", List.of("bosh.read"), 3600).split("\\.");
    String[] admin = token(tokenServer, "ci-admin", List.of("bosh.admin"), 3600).split("\\.");
    String tampered = reader[0] + "." + admin[1] + "." + reader[2];
    assertThat(director.client().bearer(tampered).get("/tasks").statusCode()).isEqualTo(401);
    assertThat(director.client().basic("admin", "admin-secret").get("/tasks").statusCode()).isEqualTo(401);
  }
}
