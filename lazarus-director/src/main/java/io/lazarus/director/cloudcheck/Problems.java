package io.lazarus.director.cloudcheck;

import io.lazarus.core.json.Json;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import tools.jackson.core.type.TypeReference;

/** The problems table, as BOSH's problem register keeps it. Thread-safe. */
public final class Problems {
  private static final String COLUMNS = "id, deployment_id, type, resource_id, data, state, counter, instance_group";
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final Jdbi jdbi;
  private final Clock clock;

  public Problems(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Records that a scan saw a problem: a new open problem, or the one open problem of the same type about the same
   * resource seen once more (its data replaced, its counter up).
   */
  public void register(long deploymentId, String type, long resourceId, Map<String, Object> data, String instanceGroup) {
    jdbi.useTransaction(handle -> {
      List<Long> similar = handle.createQuery("SELECT id FROM problems WHERE deployment_id = :d AND type = :type AND resource_id = :r AND state = 'open'")
          .bind("d", deploymentId).bind("type", type).bind("r", resourceId).mapTo(Long.class).list();
      long now = clock.millis();
      if (similar.size() > 1) {
        throw new DirectorException(ErrorCode.CLOUDCHECK_TOO_MANY_SIMILAR_PROBLEMS, "More than one similar problem is open for '" + type + "' of resource " + resourceId);
      }
      if (similar.isEmpty()) {
        handle.createUpdate("INSERT INTO problems (deployment_id, type, resource_id, data, state, counter, created_at, last_seen_at, instance_group) "
                + "VALUES (:d, :type, :r, :data, 'open', 1, :now, :now, :group)")
            .bind("d", deploymentId).bind("type", type).bind("r", resourceId).bind("data", Json.write(data)).bind("now", now).bind("group", instanceGroup).execute();
      } else {
        handle.createUpdate("UPDATE problems SET data = :data, last_seen_at = :now, counter = counter + 1 WHERE id = :id")
            .bind("data", Json.write(data)).bind("now", now).bind("id", similar.getFirst()).execute();
      }
    });
  }

  /** Closes every open problem of the deployment (a full scan starts afresh). */
  public void closeOpen(long deploymentId) {
    jdbi.useHandle(handle -> handle.createUpdate("UPDATE problems SET state = 'closed' WHERE deployment_id = :d AND state = 'open'").bind("d", deploymentId).execute());
  }

  /** Closes the open VM problems of these instances only (scan-and-fix rescans just them). */
  public void closeOpenOfInstances(long deploymentId, Collection<Long> instanceIds) {
    if (instanceIds.isEmpty()) {
      return;
    }
    jdbi.useHandle(handle -> handle.createUpdate("UPDATE problems SET state = 'closed' WHERE deployment_id = :d AND state = 'open' AND type IN (<types>) AND resource_id IN (<ids>)")
        .bind("d", deploymentId).bindList("types", ProblemTypes.VM_TYPES).bindList("ids", List.copyOf(instanceIds)).execute());
  }

  /** The deployment's open problems, oldest first. */
  public List<Problem> open(long deploymentId) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM problems WHERE deployment_id = :d AND state = 'open' ORDER BY created_at, id")
        .bind("d", deploymentId).map((rs, ctx) -> row(rs)).list());
  }

  /** The deployment's problems with these ids (of any state), by id. */
  public List<Problem> find(long deploymentId, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM problems WHERE deployment_id = :d AND id IN (<ids>) ORDER BY id")
        .bind("d", deploymentId).bindList("ids", List.copyOf(ids)).map((rs, ctx) -> row(rs)).list());
  }

  public void resolve(long id) {
    jdbi.useHandle(handle -> setState(handle, id, Problem.RESOLVED));
  }

  private static void setState(Handle handle, long id, String state) {
    handle.createUpdate("UPDATE problems SET state = :state WHERE id = :id").bind("state", state).bind("id", id).execute();
  }

  private static Problem row(ResultSet rs) throws SQLException {
    return new Problem(rs.getLong("id"), rs.getLong("deployment_id"), rs.getString("type"), rs.getLong("resource_id"),
        Json.mapper().readValue(rs.getString("data"), MAP), rs.getString("state"), rs.getInt("counter"), rs.getString("instance_group"));
  }
}
