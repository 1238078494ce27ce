package io.lazarus.director.instances;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The ip_addresses table: which instance holds which address on which network. Thread-safe. */
public final class IpAddresses {
  private final Jdbi jdbi;
  private final Clock clock;

  public IpAddresses(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** An address held by an instance. */
  public record IpAddress(long instanceId, String network, String address, boolean isStatic) {}

  public void reserve(long instanceId, String network, String address, boolean isStatic) {
    jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO ip_addresses (instance_id, network_name, address, is_static, created_at) VALUES (:i, :n, :a, :s, :now)")
        .bind("i", instanceId)
        .bind("n", network)
        .bind("a", address)
        .bind("s", isStatic)
        .bind("now", clock.millis())
        .execute());
  }

  /** Every address held, by any deployment (the local cloud is one address space). */
  public List<IpAddress> all() {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT instance_id, network_name, address, is_static FROM ip_addresses ORDER BY id")
        .map((rs, ctx) -> new IpAddress(rs.getLong("instance_id"), rs.getString("network_name"), rs.getString("address"), rs.getBoolean("is_static")))
        .list());
  }

  public List<IpAddress> forInstance(long instanceId) {
    return all().stream().filter(ip -> ip.instanceId() == instanceId).toList();
  }

  public void releaseAll(long instanceId) {
    jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM ip_addresses WHERE instance_id = :i").bind("i", instanceId).execute());
  }

  public void release(long instanceId, String address) {
    jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM ip_addresses WHERE instance_id = :i AND address = :a").bind("i", instanceId).bind("a", address).execute());
  }
}
