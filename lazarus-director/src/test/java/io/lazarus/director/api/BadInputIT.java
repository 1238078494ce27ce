package io.lazarus.director.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.director.testing.ApiClient;
import io.lazarus.director.testing.TestDirector;
import io.lazarus.testing.DatabaseKind;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator might send at 3 a.m.: every write endpoint with bodies that are empty, not JSON, JSON of the
 * wrong shape, or the wrong types; every read endpoint with nonsense parameters. None may yield a 500, and every
 * error body is BOSH's {@code {"code", "description"}}.
 */
class BadInputIT {
  @TempDir static Path dir;
  static TestDirector director;

  private static final List<String> WRITES =
      List.of(
          "POST /configs", "POST /configs/diff", "POST /cloud_configs", "POST /cloud_configs/diff", "PUT /resurrection",
          "POST /tasks/cancel", "POST /stemcell_uploads", "POST /packages/matches", "POST /packages/matches_compiled",
          "POST /stemcells", "POST /releases");

  private static final List<String> BODIES =
      List.of("", "not json at all", "{", "[1,2,3]", "\"a string\"", "{\"type\":[],\"name\":{},\"content\":7}", "null", "{\"stemcell\":\"x\"}",
          "{\"resurrection_paused\":\"maybe\",\"until\":\"soon\"}", "{\"states\":\"queued\"}", "{\"from\":{\"id\":\"abc\"},\"to\":{\"content\":5}}",
          "---\n- just\n- a list\n", "a: [unclosed", "\u0000\u0001\u0002");

  private static final List<String> READS =
      List.of(
          "/tasks/abc", "/tasks/-1", "/tasks/99999999999999999999", "/tasks/1/output?type=bogus", "/tasks?limit=-5",
          "/tasks?state=queued,,done", "/tasks?verbose=x", "/configs?limit=0", "/configs?latest=nope", "/configs/xyz",
          "/events?before_id=abc", "/events?after_time=tomorrow", "/events/abc", "/releases/nope?version=1",
          "/releases/..%2F..%2Fetc", "/stemcells/x/y", "/deployments/nope", "/cloud_configs?limit=x");

  @BeforeAll
  static void start() throws Exception {
    director = TestDirector.start(DatabaseKind.H2, dir);
  }

  @AfterAll
  static void stop() {
    director.close();
  }

  @Test
  void writesWithBadBodiesAreRefusedAsClientErrors() {
    ApiClient api = director.admin();
    SoftAssertions softly = new SoftAssertions();
    for (String endpoint : WRITES) {
      String method = endpoint.substring(0, endpoint.indexOf(' '));
      String path = endpoint.substring(endpoint.indexOf(' ') + 1);
      for (String contentType : List.of("application/json", "text/yaml", "application/x-compressed")) {
        for (String body : BODIES) {
          HttpResponse<String> response = method.equals("PUT") ? api.put(path, contentType, body) : api.post(path, contentType, body);
          softly.assertThat(response.statusCode()).as("%s %s %s %s -> %s", method, path, contentType, body, response.body()).isLessThan(500);
        }
      }
    }
    softly.assertAll();
  }

  @Test
  void readsWithNonsenseParametersAreClientErrors() {
    ApiClient api = director.admin();
    List<String> failures = new ArrayList<>();
    for (String path : READS) {
      HttpResponse<String> response = api.get(path);
      if (response.statusCode() >= 500 || response.statusCode() < 400 && !path.startsWith("/tasks?") && !path.startsWith("/cloud")) {
        failures.add(path + " -> " + response.statusCode() + " " + response.body());
      }
      if (response.statusCode() >= 400) {
        assertThat(api.jsonObject(response)).as(path).containsKeys("code", "description");
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void deletesOfThingsThatDoNotExistAreClientErrors() {
    ApiClient api = director.admin();
    for (String path : List.of("/task/abc", "/task/424242", "/configs/abc", "/configs/424242", "/configs", "/configs?type=x", "/stemcells/a/b", "/releases/nope", "/deployments/nope")) {
      HttpResponse<String> response = api.delete(path);
      assertThat(response.statusCode()).as(path + " " + response.body()).isBetween(300, 499);
    }
  }
}
