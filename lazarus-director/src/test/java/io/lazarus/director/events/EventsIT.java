package io.lazarus.director.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.director.testing.ApiClient;
import io.lazarus.director.testing.TestDirector;
import io.lazarus.testing.DatabaseKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code bosh events} filters, paging by before_id, and BOSH's event JSON with empty keys omitted. */
class EventsIT {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void filtersAndPagesNewestFirst(DatabaseKind kind) throws Exception {
    try (TestDirector director = TestDirector.start(kind, dir)) {
      Events events = director.services().events();
      long first = events.record(NewEvent.of("admin", "create", "deployment", "web").withDeployment("web").withTask(7));
      events.record(NewEvent.of("admin", "delete", "deployment", "db").withDeployment("db").withError("boom"));
      for (int i = 0; i < 205; i++) {
        events.record(NewEvent.of("hm", "update", "instance", "web/" + i).withDeployment("web").withInstance("web/" + i).withContext(Map.of("i", i)));
      }
      ApiClient api = director.admin();
      List<Map<String, Object>> page = api.jsonArray(api.get("/events"));
      assertThat(page).hasSize(200);
      assertThat(page.get(0)).containsEntry("instance", "web/204").containsEntry("context", Map.of("i", 204)).containsKey("timestamp");
      String oldestOnPage = (String) page.get(199).get("id");
      List<Map<String, Object>> next = api.jsonArray(api.get("/events?before_id=" + oldestOnPage));
      assertThat(next).hasSize(7);
      assertThat(next.get(6)).containsEntry("id", Long.toString(first)).containsEntry("task", "7").doesNotContainKey("instance").doesNotContainKey("error");
      assertThat(api.jsonArray(api.get("/events?deployment=db"))).singleElement().satisfies(e -> assertThat(e).containsEntry("error", "boom").containsEntry("action", "delete"));
      assertThat(api.jsonArray(api.get("/events?user=admin&action=create&object_type=deployment&object_name=web"))).hasSize(1);
      assertThat(api.jsonArray(api.get("/events?task=7"))).hasSize(1);
      assertThat(api.jsonArray(api.get("/events?instance=web%2F3"))).hasSize(1);
      assertThat(api.jsonArray(api.get("/events?after_time=2000-01-01%2000:00:00"))).hasSize(200);
      assertThat(api.jsonArray(api.get("/events?before_time=2000-01-01T00:00:00Z"))).isEmpty();
      assertThat(api.jsonObject(api.get("/events/" + first))).containsEntry("object_name", "web");
      assertThat(api.get("/events?after_time=yesterday").statusCode()).isEqualTo(400);
      assertThat(api.get("/events/999999").statusCode()).isEqualTo(404);
    }
  }
}
