package io.lazarus.director.tasks;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The task table. Thread-safe. State changes are conditional updates ({@code WHERE state = ...}), so a cancel
 * racing with a finish has exactly one winner.
 */
public final class TaskRepository {
  /** BOSH marks a task timed out when its checkpoint is older than 6 × the 30 s checkpoint interval. */
  static final long CHECKPOINT_INTERVAL_MS = 30_000;

  static final long TIMEOUT_MS = 6 * CHECKPOINT_INTERVAL_MS;

  private static final String COLUMNS =
      "id, state, type, description, username, deployment_name, context_id, payload, result, created_at, started_at, finished_at, checkpoint_at";

  private final Jdbi jdbi;
  private final Clock clock;

  public TaskRepository(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  public Task create(NewTask task) {
    long now = clock.millis();
    long id =
        jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "INSERT INTO tasks (state, type, description, username, deployment_name, context_id, payload, created_at)"
                            + " VALUES ('queued', :type, :description, :username, :deployment, :contextId, :payload, :now)")
                    .bind("type", task.type())
                    .bind("description", task.description())
                    .bind("username", task.username())
                    .bind("deployment", task.deploymentName())
                    .bind("contextId", task.contextId())
                    .bind("payload", task.payload())
                    .bind("now", now)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one());
    return find(id).orElseThrow();
  }

  /** The task, with BOSH's lazy timeout applied: an active task whose checkpoint went stale is marked timeout. */
  public Optional<Task> find(long id) {
    Optional<Task> task = jdbi.withHandle(handle -> select(handle, "WHERE id = :id").bind("id", id).map(TaskRepository::map).findOne());
    return task.map(this::applyTimeout);
  }

  public List<Task> list(TaskFilter filter) {
    StringBuilder where = new StringBuilder("WHERE 1 = 1");
    if (!filter.states().isEmpty()) {
      where.append(" AND state IN (<states>)");
    }
    if (!filter.types().isEmpty()) {
      where.append(" AND type IN (<types>)");
    }
    if (filter.deployment() != null) {
      where.append(" AND deployment_name = :deployment");
    }
    if (filter.contextId() != null) {
      where.append(" AND context_id = :contextId");
    }
    where.append(" ORDER BY id DESC LIMIT :limit");
    return jdbi.withHandle(
            handle -> {
              Query query = select(handle, where.toString());
              if (!filter.states().isEmpty()) {
                query.bindList("states", filter.states().stream().map(TaskState::wire).toList());
              }
              if (!filter.types().isEmpty()) {
                query.bindList("types", List.copyOf(filter.types()));
              }
              if (filter.deployment() != null) {
                query.bind("deployment", filter.deployment());
              }
              if (filter.contextId() != null) {
                query.bind("contextId", filter.contextId());
              }
              return query.bind("limit", filter.limit()).map(TaskRepository::map).list();
            })
        .stream()
        .map(this::applyTimeout)
        .toList();
  }

  /**
   * Claims the oldest queued task for a worker, or empty. Concurrent workers (and directors on one PostgreSQL)
   * never claim the same task: the row is locked with {@code FOR UPDATE SKIP LOCKED}.
   */
  public Optional<Task> claimNext() {
    long now = clock.millis();
    return jdbi.inTransaction(
        handle -> {
          Optional<Long> id =
              handle
                  .createQuery("SELECT id FROM tasks WHERE state = 'queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED")
                  .mapTo(Long.class)
                  .findOne();
          if (id.isEmpty()) {
            return Optional.empty();
          }
          handle
              .createUpdate(
                  "UPDATE tasks SET state = 'processing', started_at = :now, checkpoint_at = :now WHERE id = :id AND state = 'queued'")
              .bind("now", now)
              .bind("id", id.get())
              .execute();
          return select(handle, "WHERE id = :id").bind("id", id.get()).map(TaskRepository::map).findOne();
        });
  }

  /** Records a checkpoint; returns the current state so the caller can honour a cancel request. */
  public TaskState checkpoint(long id) {
    return jdbi.withHandle(
        handle -> {
          handle
              .createUpdate("UPDATE tasks SET checkpoint_at = :now WHERE id = :id AND state IN ('processing', 'cancelling')")
              .bind("now", clock.millis())
              .bind("id", id)
              .execute();
          return TaskState.fromWire(
              handle.createQuery("SELECT state FROM tasks WHERE id = :id").bind("id", id).mapTo(String.class).one());
        });
  }

  /** Ends an active task; returns false when it had already ended (for instance by a timeout). */
  public boolean finish(long id, TaskState state, String result) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE tasks SET state = :state, result = :result, finished_at = :now"
                            + " WHERE id = :id AND state IN ('queued', 'processing', 'cancelling')")
                    .bind("state", state.wire())
                    .bind("result", result)
                    .bind("now", clock.millis())
                    .bind("id", id)
                    .execute())
        > 0;
  }

  /**
   * Asks a task to stop: a queued task is cancelled at once, a processing one goes to cancelling and ends at its
   * next checkpoint.
   *
   * @return false when the task is not cancellable (already ended)
   */
  public boolean requestCancel(long id) {
    return jdbi.inTransaction(
        handle -> {
          int queued =
              handle
                  .createUpdate("UPDATE tasks SET state = 'cancelled', finished_at = :now, result = 'task cancelled' WHERE id = :id AND state = 'queued'")
                  .bind("now", clock.millis())
                  .bind("id", id)
                  .execute();
          if (queued > 0) {
            return true;
          }
          return handle
                  .createUpdate("UPDATE tasks SET state = 'cancelling' WHERE id = :id AND state = 'processing'")
                  .bind("id", id)
                  .execute()
              > 0;
        });
  }

  /**
   * After a restart nothing is running: every task left processing or cancelling ends in error "director restarted"
   * (queued tasks stay queued and run). Returns how many were ended.
   */
  public int failInterrupted() {
    return jdbi.withHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE tasks SET state = 'error', result = 'director restarted', finished_at = :now"
                        + " WHERE state IN ('processing', 'cancelling')")
                .bind("now", clock.millis())
                .execute());
  }

  /** Counts of tasks per state, for metrics and the idle check of tests. */
  public Map<TaskState, Long> countByState() {
    return jdbi.withHandle(
            handle -> handle.createQuery("SELECT state, COUNT(*) AS n FROM tasks GROUP BY state").map((rs, ctx) -> Map.entry(rs.getString("state"), rs.getLong("n"))).list())
        .stream()
        .collect(Collectors.toMap(e -> TaskState.fromWire(e.getKey()), Map.Entry::getValue));
  }

  private Task applyTimeout(Task task) {
    boolean running = task.state() == TaskState.PROCESSING || task.state() == TaskState.CANCELLING;
    if (running && task.checkpointAt() != null && clock.millis() - task.checkpointAt() > TIMEOUT_MS) {
      if (finish(task.id(), TaskState.TIMEOUT, "task timed out")) {
        return find(task.id()).orElse(task);
      }
    }
    return task;
  }

  private static Query select(Handle handle, String tail) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM tasks " + tail);
  }

  private static Task map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
    return new Task(
        rs.getLong("id"),
        TaskState.fromWire(rs.getString("state")),
        rs.getString("type"),
        rs.getString("description"),
        rs.getString("username"),
        rs.getString("deployment_name"),
        rs.getString("context_id"),
        rs.getString("payload"),
        rs.getString("result"),
        rs.getLong("created_at"),
        (Long) rs.getObject("started_at", Long.class),
        (Long) rs.getObject("finished_at", Long.class),
        (Long) rs.getObject("checkpoint_at", Long.class));
  }
}
