package io.lazarus.director.instances;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The instances table. Thread-safe. */
public final class Instances {
  private static final String COLUMNS = "id, deployment_id, group_name, idx, uuid, az, state, bootstrap, ignored, spec";

  private final Jdbi jdbi;
  private final Clock clock;

  public Instances(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  public Instance create(long deploymentId, String group, int index, String uuid, String az, String state, boolean bootstrap) {
    long id = jdbi.withHandle(handle -> handle.createUpdate(
                "INSERT INTO instances (deployment_id, group_name, idx, uuid, az, state, bootstrap, created_at) VALUES (:d, :g, :i, :u, :az, :s, :b, :now)")
            .bind("d", deploymentId)
            .bind("g", group)
            .bind("i", index)
            .bind("u", uuid)
            .bind("az", az)
            .bind("s", state)
            .bind("b", bootstrap)
            .bind("now", clock.millis())
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one());
    return get(id);
  }

  public Instance get(long id) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM instances WHERE id = :id").bind("id", id).map((rs, ctx) -> row(rs)).one());
  }

  public Optional<Instance> find(long id) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM instances WHERE id = :id").bind("id", id).map((rs, ctx) -> row(rs)).findOne());
  }

  /** The deployment's instances, by group, then index. */
  public List<Instance> list(long deploymentId) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM instances WHERE deployment_id = :d ORDER BY group_name, idx")
        .bind("d", deploymentId)
        .map((rs, ctx) -> row(rs))
        .list());
  }

  /** The instance {@code group/idOrIndex} of a deployment, where the second part is its uuid or its index. */
  public Optional<Instance> find(long deploymentId, String group, String idOrIndex) {
    String where = idOrIndex.matches("\\d+") ? "idx = :key" : "uuid = :key";
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM instances WHERE deployment_id = :d AND group_name = :g AND " + where)
        .bind("d", deploymentId)
        .bind("g", group)
        .bind("key", idOrIndex.matches("\\d+") ? (Object) Integer.parseInt(idOrIndex) : idOrIndex)
        .map((rs, ctx) -> row(rs))
        .findOne());
  }

  public void setSpec(long id, String specJson) {
    jdbi.useHandle(handle -> handle.createUpdate("UPDATE instances SET spec = :spec WHERE id = :id").bind("spec", specJson).bind("id", id).execute());
  }

  public void setState(long id, String state) {
    jdbi.useHandle(handle -> handle.createUpdate("UPDATE instances SET state = :state WHERE id = :id").bind("state", state).bind("id", id).execute());
  }

  public void setIgnored(long id, boolean ignored) {
    jdbi.useHandle(handle -> handle.createUpdate("UPDATE instances SET ignored = :ignored WHERE id = :id").bind("ignored", ignored).bind("id", id).execute());
  }

  public void delete(long id) {
    jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM instances WHERE id = :id").bind("id", id).execute());
  }

  private static Instance row(ResultSet rs) throws SQLException {
    return new Instance(
        rs.getLong("id"),
        rs.getLong("deployment_id"),
        rs.getString("group_name"),
        rs.getInt("idx"),
        rs.getString("uuid"),
        rs.getString("az"),
        rs.getString("state"),
        rs.getBoolean("bootstrap"),
        rs.getBoolean("ignored"),
        Optional.ofNullable(rs.getString("spec")));
  }
}
