package io.lazarus.director.resurrection;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.director.testing.ApiClient;
import io.lazarus.director.testing.TestDirector;
import io.lazarus.testing.DatabaseKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code bosh update-resurrection on|off} and Lazarus' timed pause, stored across restarts. */
class ResurrectionSwitchIT {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void pauseResumeAndATimedPauseThatSurvivesARestart(DatabaseKind kind) throws Exception {
    try (TestDirector director = TestDirector.start(kind, dir)) {
      ApiClient api = director.admin();
      assertThat(api.jsonObject(api.get("/resurrection"))).isEqualTo(Map.of("resurrection", true, "auto_fix_stateful_nodes", true));
      assertThat(api.put("/resurrection", "application/json", "{\"resurrection_paused\":true}").statusCode()).isEqualTo(200);
      assertThat(api.jsonObject(api.get("/resurrection"))).containsEntry("resurrection", false).containsKey("paused_since").doesNotContainKey("paused_until");
      assertThat(api.put("/resurrection", "application/json", "{\"resurrection_paused\":false}").statusCode()).isEqualTo(200);
      assertThat(api.jsonObject(api.get("/resurrection"))).isEqualTo(Map.of("resurrection", true, "auto_fix_stateful_nodes", true));

      long until = Instant.now().plusSeconds(7200).getEpochSecond();
      api.put("/resurrection", "application/json", "{\"resurrection_paused\":true,\"until\":" + until + "}");
      director.restart();
      ApiClient after = director.admin();
      assertThat(after.jsonObject(after.get("/resurrection"))).containsEntry("resurrection", false).containsEntry("paused_until", (int) until);
      assertThat(after.jsonArray(after.get("/events?object_type=resurrection"))).hasSize(3);
      assertThat(after.put("/resurrection", "application/json", "{\"resurrection_paused\":\"yes\"}").statusCode()).isEqualTo(400);
      assertThat(after.put("/resurrection", "application/json", "{\"resurrection_paused\":true,\"until\":1}").statusCode()).isEqualTo(400);
    }
  }
}
