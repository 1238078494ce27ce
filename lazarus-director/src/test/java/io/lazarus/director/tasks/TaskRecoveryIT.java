package io.lazarus.director.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lazarus.director.locks.Locks;
import io.lazarus.director.testing.ApiClient;
import io.lazarus.director.testing.TestDirector;
import io.lazarus.testing.DatabaseKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Director stopped with a task in flight and a lock held comes back with the task ended as "director restarted",
 * the lock released, and queued work still run: nothing stuck, nothing lost.
 */
class TaskRecoveryIT {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void tasksInFlightEndAsDirectorRestartedAndLocksAreReleased(DatabaseKind kind) throws Exception {
    try (TestDirector director = TestDirector.start(kind, dir)) {
      CountDownLatch locked = new CountDownLatch(1);
      director.services().jobs().register("run_errand", task -> context -> {
        try (var lock = director.services().locks().acquire(Locks.deploymentLock("web"), task.id(), Duration.ZERO)) {
          locked.countDown();
          new CountDownLatch(1).await(); // holds the lock until the Director stops under it
          return "unreachable";
        }
      });
      Task inFlight = director.services().queue().enqueue(NewTask.of("run_errand", "run errand smoke-tests", "admin", "web", null, Map.of()));
      assertThat(locked.await(20, TimeUnit.SECONDS)).isTrue();
      assertThat(director.admin().jsonArray(director.admin().get("/locks")))
          .singleElement()
          .satisfies(lock -> assertThat(lock).containsEntry("type", "deployment").containsEntry("task_id", Long.toString(inFlight.id())));

      // A lock whose holder dies without releasing it (as in a kill -9).
      director.services().locks().acquire(Locks.deploymentLock("db"), 4242L, Duration.ZERO);

      director.restart();

      ApiClient api = director.admin();
      assertThat(api.jsonObject(api.get("/tasks/" + inFlight.id()))).containsEntry("state", "error").containsEntry("result", "director restarted");
      assertThat(api.get("/locks").body()).isEqualTo("[]");
      director.services().jobs().register("run_errand", task -> context -> "ran after restart");
      Task next = director.services().queue().enqueue(NewTask.of("run_errand", "run errand smoke-tests", "admin", "web", null, Map.of()));
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.jsonObject(api.get("/tasks/" + next.id()))).containsEntry("state", "done"));
    }
  }
}
