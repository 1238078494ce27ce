package io.lazarus.director.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.director.db.Database;
import io.lazarus.director.db.DatabaseConfig;
import io.lazarus.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskRepositoryTest {
  @TempDir Path dir;

  @Test
  void aProcessingTaskWhoseCheckpointWentStaleIsMarkedTimeoutWhenRead() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    try (Database db = Database.open(DatabaseConfig.embedded(dir))) {
      TaskRepository tasks = new TaskRepository(db.jdbi(), clock);
      Task task = tasks.create(NewTask.of("update_deployment", "create deployment", "admin", "web", null, Map.of()));
      assertThat(tasks.claimNext()).get().extracting(Task::state).isEqualTo(TaskState.PROCESSING);
      clock.advance(Duration.ofSeconds(180));
      assertThat(tasks.find(task.id())).get().extracting(Task::state).isEqualTo(TaskState.PROCESSING);
      clock.advance(Duration.ofSeconds(1));
      assertThat(tasks.find(task.id())).get().satisfies(t -> {
        assertThat(t.state()).isEqualTo(TaskState.TIMEOUT);
        assertThat(t.finishedAt()).isEqualTo(clock.millis());
      });
      assertThat(tasks.finish(task.id(), TaskState.DONE, "late")).isFalse();
    }
  }

  @Test
  void eachQueuedTaskIsClaimedOnceInOrder() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    try (Database db = Database.open(DatabaseConfig.embedded(dir))) {
      TaskRepository tasks = new TaskRepository(db.jdbi(), clock);
      Task first = tasks.create(NewTask.of("a", "a", "admin", null, null, Map.of()));
      Task second = tasks.create(NewTask.of("b", "b", "admin", null, null, Map.of()));
      assertThat(tasks.claimNext()).get().extracting(Task::id).isEqualTo(first.id());
      assertThat(tasks.claimNext()).get().extracting(Task::id).isEqualTo(second.id());
      assertThat(tasks.claimNext()).isEmpty();
    }
  }
}
