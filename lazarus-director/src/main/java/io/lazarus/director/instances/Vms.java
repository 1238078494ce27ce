package io.lazarus.director.instances;

import io.lazarus.core.json.Json;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The vms table; agent credentials are kept with the VM, as BOSH keeps them. Thread-safe. */
public final class Vms {
  private static final String COLUMNS = "id, instance_id, agent_id, cid, active, cpi, mbus_url, credentials, stemcell, created_at";

  private final Jdbi jdbi;
  private final Clock clock;

  public Vms(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Records a VM before the CPI is asked for it, so a Director that dies meanwhile knows the agent id. */
  public Vm create(Long instanceId, String agentId, String cpi, URI mbusUrl, String mbusUser, String mbusPassword, String stemcell) {
    long id = jdbi.withHandle(handle -> handle.createUpdate(
                "INSERT INTO vms (instance_id, agent_id, active, cpi, mbus_url, credentials, stemcell, created_at) VALUES (:i, :a, TRUE, :cpi, :url, :cred, :s, :now)")
            .bind("i", instanceId)
            .bind("a", agentId)
            .bind("cpi", cpi)
            .bind("url", mbusUrl.toString())
            .bind("cred", Json.write(Map.of("user", mbusUser, "password", mbusPassword)))
            .bind("s", stemcell)
            .bind("now", clock.millis())
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one());
    return get(id);
  }

  public Vm get(long id) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM vms WHERE id = :id").bind("id", id).map((rs, ctx) -> row(rs)).one());
  }

  public void setCid(long id, String cid) {
    jdbi.useHandle(handle -> handle.createUpdate("UPDATE vms SET cid = :cid WHERE id = :id").bind("cid", cid).bind("id", id).execute());
  }

  /** The instance's active VM, if it has one. */
  public Optional<Vm> activeFor(long instanceId) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM vms WHERE instance_id = :i AND active = TRUE")
        .bind("i", instanceId)
        .map((rs, ctx) -> row(rs))
        .findOne());
  }

  /** VMs that belong to no instance (compilation VMs, or ones whose instance is gone). */
  public List<Vm> withoutInstance() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM vms WHERE instance_id IS NULL ORDER BY id").map((rs, ctx) -> row(rs)).list());
  }

  public void delete(long id) {
    jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM vms WHERE id = :id").bind("id", id).execute());
  }

  private static Vm row(ResultSet rs) throws SQLException {
    Map<?, ?> credentials = Json.read(rs.getString("credentials"), Map.class);
    long instanceId = rs.getLong("instance_id");
    return new Vm(
        rs.getLong("id"),
        rs.wasNull() ? null : instanceId,
        rs.getString("agent_id"),
        rs.getString("cid"),
        rs.getBoolean("active"),
        rs.getString("cpi"),
        URI.create(rs.getString("mbus_url")),
        (String) credentials.get("user"),
        (String) credentials.get("password"),
        rs.getString("stemcell"),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
