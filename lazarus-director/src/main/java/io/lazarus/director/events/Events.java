package io.lazarus.director.events;

import io.lazarus.core.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import tools.jackson.core.type.TypeReference;

/** Records every change the Director makes and lists them as {@code bosh events} asks. Thread-safe. */
public final class Events {
  /** BOSH returns at most 200 events per call. */
  public static final int PAGE = 200;

  private final Jdbi jdbi;
  private final Clock clock;

  public Events(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Records the event and returns its id (for parent ids of a later "finished" event). */
  public long record(NewEvent event) {
    return record(event, clock.instant());
  }

  /** Records an event that happened at {@code at} (the Health Monitor's alerts carry their own time). */
  public long record(NewEvent event, Instant at) {
    return jdbi.withHandle(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO events (parent_id, created_at, username, action, object_type, object_name, task, deployment, instance, context, error)"
                        + " VALUES (:parent, :now, :user, :action, :objectType, :objectName, :task, :deployment, :instance, :context, :error)")
                .bind("parent", event.parentId())
                .bind("now", at.toEpochMilli())
                .bind("user", event.user())
                .bind("action", event.action())
                .bind("objectType", event.objectType())
                .bind("objectName", event.objectName())
                .bind("task", event.task())
                .bind("deployment", event.deployment())
                .bind("instance", event.instance())
                .bind("context", Json.write(event.context()))
                .bind("error", event.error())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /** Newest first, at most {@link #PAGE}. */
  public List<Event> list(EventFilter filter) {
    Map<String, Object> binds = new LinkedHashMap<>();
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, parent_id, created_at, username, action, object_type, object_name, task, deployment, instance, context, error FROM events WHERE 1 = 1");
    condition(sql, binds, "id < :beforeId", "beforeId", filter.beforeId());
    condition(sql, binds, "created_at < :beforeTime", "beforeTime", filter.beforeTime());
    condition(sql, binds, "created_at > :afterTime", "afterTime", filter.afterTime());
    condition(sql, binds, "deployment = :deployment", "deployment", filter.deployment());
    condition(sql, binds, "task = :task", "task", filter.task());
    condition(sql, binds, "instance = :instance", "instance", filter.instance());
    condition(sql, binds, "username = :user", "user", filter.user());
    condition(sql, binds, "action = :action", "action", filter.action());
    condition(sql, binds, "object_type = :objectType", "objectType", filter.objectType());
    condition(sql, binds, "object_name = :objectName", "objectName", filter.objectName());
    sql.append(" ORDER BY id DESC LIMIT ").append(PAGE);
    return jdbi.withHandle(
        handle -> {
          Query query = handle.createQuery(sql.toString());
          binds.forEach(query::bind);
          return query
              .map(
                  (rs, ctx) ->
                      new Event(
                          rs.getLong("id"),
                          (Long) rs.getObject("parent_id", Long.class),
                          rs.getLong("created_at"),
                          rs.getString("username"),
                          rs.getString("action"),
                          rs.getString("object_type"),
                          rs.getString("object_name"),
                          rs.getString("task"),
                          rs.getString("deployment"),
                          rs.getString("instance"),
                          parseContext(rs.getString("context")),
                          rs.getString("error")))
              .list();
        });
  }

  private static void condition(StringBuilder sql, Map<String, Object> binds, String clause, String name, Object value) {
    if (value != null) {
      sql.append(" AND ").append(clause);
      binds.put(name, value);
    }
  }

  private static Map<String, Object> parseContext(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    return Json.mapper().readValue(json, new TypeReference<Map<String, Object>>() {});
  }
}
