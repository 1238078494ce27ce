package io.lazarus.director.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.director.testing.ApiClient;
import io.lazarus.director.testing.TestDirector;
import io.lazarus.testing.DatabaseKind;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local users: anonymous /info, Basic auth everywhere else, read-only users cannot change anything. */
class AuthenticationIT {
  @TempDir static Path dir;
  static TestDirector director;

  @BeforeAll
  static void start() throws Exception {
    director = TestDirector.start(DatabaseKind.H2, dir);
  }

  @AfterAll
  static void stop() {
    director.close();
  }

  @Test
  void infoIsAnonymousAndNamesTheUserWhenCredentialsAreValid() {
    ApiClient anonymous = director.client();
    Map<String, Object> info = anonymous.jsonObject(anonymous.get("/info"));
    assertThat(info).containsEntry("name", "test-director").containsKey("uuid").containsEntry("user", null).containsEntry("cpi", "local");
    assertThat(info.get("user_authentication")).isEqualTo(Map.of("type", "basic", "options", Map.of()));
    assertThat(director.admin().jsonObject(director.admin().get("/info"))).containsEntry("user", "admin");
    ApiClient wrong = director.client().basic("admin", "nope");
    assertThat(wrong.get("/info").statusCode()).isEqualTo(200);
    assertThat(wrong.jsonObject(wrong.get("/info"))).containsEntry("user", null);
  }

  @Test
  void wrongCredentialsGetA401ThatRevealsNothing() {
    HttpResponse<String> unknownUser = director.client().basic("mallory", "x").get("/tasks");
    HttpResponse<String> wrongPassword = director.client().basic("admin", "x").get("/tasks");
    HttpResponse<String> none = director.client().get("/deployments");
    for (HttpResponse<String> response : new HttpResponse[] {unknownUser, wrongPassword}) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.body()).isEqualTo("Not authorized: '/tasks'\n");
      assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"BOSH Director\"");
    }
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(director.client().get("/no/such/endpoint").statusCode()).isEqualTo(401);
  }

  @Test
  void readOnlyUsersCanReadButNotChange() {
    ApiClient reader = director.reader();
    assertThat(reader.get("/tasks").statusCode()).isEqualTo(200);
    assertThat(reader.get("/configs?latest=true").statusCode()).isEqualTo(200);
    HttpResponse<String> change = reader.put("/resurrection", "application/json", "{\"resurrection_paused\":true}");
    assertThat(change.statusCode()).isEqualTo(401);
    assertThat(reader.jsonObject(change)).containsEntry("code", 600000);
    HttpResponse<String> create = reader.post("/configs", "application/json", "{\"type\":\"cloud\",\"name\":\"x\",\"content\":\"a: 1\"}");
    assertThat(create.statusCode()).isEqualTo(401);
    assertThat(director.admin().get("/configs?latest=true").body()).isEqualTo("[]");
  }

  @Test
  void unknownEndpointsAnswerJson404ToAuthenticatedUsers() {
    HttpResponse<String> response = director.admin().get("/no/such/endpoint");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(director.admin().jsonObject(response)).containsEntry("code", 100002);
  }
}
