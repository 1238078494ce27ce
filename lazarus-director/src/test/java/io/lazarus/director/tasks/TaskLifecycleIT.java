package io.lazarus.director.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.testing.ApiClient;
import io.lazarus.director.testing.TestDirector;
import io.lazarus.testing.DatabaseKind;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tasks through the API: states, event/result/debug outputs with Range reads, cancel, listing filters. */
class TaskLifecycleIT {
  @TempDir Path dir;

  private static Map<String, Object> task(ApiClient api, long id) {
    return api.jsonObject(api.get("/tasks/" + id));
  }

  private static void awaitState(ApiClient api, long id, String state) {
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(task(api, id)).containsEntry("state", state));
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void runsATaskAndServesItsOutputs(DatabaseKind kind) throws Exception {
    try (TestDirector director = TestDirector.start(kind, dir)) {
      director.services().jobs().register("export_release", task -> context -> {
        context.events().stage("Extracting release", 2, List.of()).track("step one", () -> null);
        context.resultLine("{\"line\":1}");
        context.debug("debug detail");
        return "done it";
      });
      Task queued = director.services().queue().enqueue(NewTask.of("export_release", "create release", "admin", null, "ctx-1", Map.of()));
      ApiClient api = director.admin();
      awaitState(api, queued.id(), "done");
      Map<String, Object> json = task(api, queued.id());
      assertThat(json).containsEntry("description", "create release").containsEntry("result", "done it").containsEntry("user", "admin").containsEntry("context_id", "ctx-1");
      assertThat(json.get("timestamp")).isInstanceOf(Number.class);
      assertThat(json.get("started_at")).isInstanceOf(Number.class);

      HttpResponse<String> events = api.get("/tasks/" + queued.id() + "/output?type=event");
      assertThat(events.statusCode()).isEqualTo(200);
      List<String> lines = events.body().lines().toList();
      assertThat(lines).hasSize(2);
      assertThat(lines.get(0)).contains("\"stage\":\"Extracting release\"", "\"task\":\"step one\"", "\"index\":1", "\"total\":2", "\"state\":\"started\"", "\"progress\":0");
      assertThat(lines.get(1)).contains("\"state\":\"finished\"", "\"progress\":100");

      int firstLength = lines.get(0).length() + 1;
      HttpResponse<String> tail = api.get("/tasks/" + queued.id() + "/output?type=event", "Range", "bytes=" + firstLength + "-");
      assertThat(tail.statusCode()).isEqualTo(206);
      assertThat(tail.body()).isEqualTo(lines.get(1) + "\n");
      assertThat(tail.headers().firstValue("Content-Range")).contains("bytes " + firstLength + "-" + (events.body().length() - 1) + "/" + events.body().length());
      HttpResponse<String> pastEnd = api.get("/tasks/" + queued.id() + "/output?type=event", "Range", "bytes=" + events.body().length() + "-");
      assertThat(pastEnd.statusCode()).isEqualTo(416);

      assertThat(api.get("/tasks/" + queued.id() + "/output?type=result").body()).isEqualTo("{\"line\":1}\n");
      assertThat(api.get("/tasks/" + queued.id() + "/output?type=debug").body()).contains("debug detail");
      assertThat(api.get("/tasks/" + queued.id() + "/output?type=cpi").statusCode()).isEqualTo(204);
      assertThat(director.reader().get("/tasks/" + queued.id() + "/output?type=debug").statusCode()).isEqualTo(401);
      assertThat(director.reader().get("/tasks/" + queued.id() + "/output?type=event").statusCode()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aFailingJobEndsInErrorWithBoshsErrorLine(DatabaseKind kind) throws Exception {
    try (TestDirector director = TestDirector.start(kind, dir)) {
      director.services().jobs().register("attach_disk", task -> context -> {
        throw new DirectorException(ErrorCode.STEMCELL_ALREADY_EXISTS, "Stemcell 'x/1' already exists");
      });
      Task task = director.services().queue().enqueue(NewTask.of("attach_disk", "create stemcell", "admin", null, null, Map.of()));
      ApiClient api = director.admin();
      awaitState(api, task.id(), "error");
      assertThat(task(api, task.id())).containsEntry("result", "Stemcell 'x/1' already exists");
      assertThat(api.get("/tasks/" + task.id() + "/output?type=event").body()).contains("\"error\":{\"code\":50002,\"message\":\"Stemcell 'x/1' already exists\"}");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void cancelStopsAProcessingTaskAtItsNextCheckpointAndAQueuedOneAtOnce(DatabaseKind kind) throws Exception {
    try (TestDirector director = TestDirector.start(kind, dir)) {
      CountDownLatch started = new CountDownLatch(2);
      director.services().jobs().register("run_errand", task -> context -> {
        started.countDown();
        while (true) {
          context.checkpoint();
          TimeUnit.MILLISECONDS.sleep(50); // the job's own pacing, not a test wait
        }
      });
      ApiClient api = director.admin();
      Task first = director.services().queue().enqueue(NewTask.of("run_errand", "delete deployment a", "admin", "a", null, Map.of()));
      Task second = director.services().queue().enqueue(NewTask.of("run_errand", "delete deployment b", "admin", "b", null, Map.of()));
      assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
      Task third = director.services().queue().enqueue(NewTask.of("run_errand", "delete deployment c", "admin", "c", null, Map.of()));
      assertThat(task(api, third.id())).containsEntry("state", "queued");
      assertThat(api.delete("/task/" + third.id()).statusCode()).isEqualTo(204);
      assertThat(task(api, third.id())).containsEntry("state", "cancelled");
      assertThat(api.delete("/task/" + first.id()).statusCode()).isEqualTo(204);
      awaitState(api, first.id(), "cancelled");
      assertThat(api.delete("/task/" + first.id()).statusCode()).isEqualTo(400);
      assertThat(api.jsonObject(api.delete("/task/" + first.id()))).containsEntry("description", "Cannot cancel task " + first.id() + ": invalid state (cancelled)");
      api.post("/tasks/cancel", "application/json", "{\"states\":[\"processing\"],\"deployment\":\"b\"}");
      awaitState(api, second.id(), "cancelled");
      assertThat(api.get("/tasks/999999").statusCode()).isEqualTo(404);
      assertThat(api.jsonObject(api.get("/tasks/999999"))).containsEntry("code", 10000).containsEntry("description", "Task 999999 not found");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void listingFiltersByStateDeploymentVerbosityAndLimit(DatabaseKind kind) throws Exception {
    try (TestDirector director = TestDirector.start(kind, dir)) {
      director.services().jobs().register("run_errand", task -> context -> "ok");
      director.services().jobs().register("ssh", task -> context -> "ok"); // a type verbose=1 hides, as cck's
      Task deploy = director.services().queue().enqueue(NewTask.of("run_errand", "run errand smoke-tests", "admin", "web", null, Map.of()));
      Task scan = director.services().queue().enqueue(NewTask.of("ssh", "ssh: setup", "hm", "web", null, Map.of()));
      Task other = director.services().queue().enqueue(NewTask.of("run_errand", "run errand smoke-tests", "admin", "db", null, Map.of()));
      ApiClient api = director.admin();
      for (Task task : List.of(deploy, scan, other)) {
        awaitState(api, task.id(), "done");
      }
      assertThat(ids(api, "/tasks?limit=30&verbose=1")).containsExactly(other.id(), deploy.id());
      assertThat(ids(api, "/tasks?limit=30&verbose=2")).containsExactly(other.id(), scan.id(), deploy.id());
      assertThat(ids(api, "/tasks?deployment=web&limit=30&verbose=2")).containsExactly(scan.id(), deploy.id());
      assertThat(ids(api, "/tasks?limit=1&verbose=2")).containsExactly(other.id());
      assertThat(ids(api, "/tasks?state=processing%2Ccancelling%2Cqueued&verbose=2")).isEmpty();
      assertThat(ids(api, "/tasks?state=done&verbose=2")).hasSize(3);
      assertThat(api.get("/tasks?state=bogus").statusCode()).isEqualTo(400);
      assertThat(api.get("/tasks?limit=abc").statusCode()).isEqualTo(400);
    }
  }

  private static List<Long> ids(ApiClient api, String path) {
    HttpResponse<String> response = api.get(path);
    assertThat(response.statusCode()).isEqualTo(200);
    return api.jsonArray(response).stream().map(t -> ((Number) t.get("id")).longValue()).toList();
  }
}
