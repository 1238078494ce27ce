package io.lazarus.director.configs;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Versioned configs as BOSH keeps them: every update adds a version, the newest version of a (type, name) is the
 * current one, and delete hides all versions. Thread-safe.
 */
public final class Configs {
  /**
   * BOSH's listing order: by type, the name "default" first, then name ascending, then newest first.
   */
  static final Comparator<Config> ORDER =
      Comparator.comparing(Config::type)
          .thenComparing(c -> !c.name().equals("default"))
          .thenComparing(Config::name)
          .thenComparing(Comparator.comparingLong(Config::id).reversed());

  private static final String COLUMNS = "id, type, name, content, team, created_at";

  private final Jdbi jdbi;
  private final Clock clock;

  public Configs(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  public Config create(String type, String name, String content) {
    long now = clock.millis();
    long id =
        jdbi.withHandle(
            handle ->
                handle
                    .createUpdate("INSERT INTO configs (type, name, content, created_at) VALUES (:type, :name, :content, :now)")
                    .bind("type", type)
                    .bind("name", name)
                    .bind("content", content)
                    .bind("now", now)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one());
    return find(id).orElseThrow();
  }

  public Optional<Config> find(long id) {
    return jdbi.withHandle(handle -> select(handle, "WHERE id = :id AND deleted = FALSE").bind("id", id).map(Configs::map).findOne());
  }

  /** The version {@code id}, even when deleted: a deployment keeps the cloud-config version it was deployed with. */
  public Optional<Config> version(long id) {
    return jdbi.withHandle(handle -> select(handle, "WHERE id = :id").bind("id", id).map(Configs::map).findOne());
  }

  public Optional<Config> latest(String type, String name) {
    return jdbi.withHandle(
        handle ->
            select(handle, "WHERE type = :type AND name = :name AND deleted = FALSE ORDER BY id DESC LIMIT 1")
                .bind("type", type)
                .bind("name", name)
                .map(Configs::map)
                .findOne());
  }

  /** Whether {@code config} is the newest version of its type and name. */
  public boolean isCurrent(Config config) {
    return latest(config.type(), config.name()).map(c -> c.id() == config.id()).orElse(false);
  }

  /**
   * Lists configs: with {@code latestOnly} the current version of each (type, name), otherwise every version,
   * newest first, at most {@code limit}. Null type or name means any.
   */
  public List<Config> list(String type, String name, boolean latestOnly, int limit) {
    List<Config> all =
        jdbi.withHandle(
            handle -> {
              StringBuilder where = new StringBuilder("WHERE deleted = FALSE");
              if (type != null) {
                where.append(" AND type = :type");
              }
              if (name != null) {
                where.append(" AND name = :name");
              }
              where.append(" ORDER BY id DESC");
              Query query = select(handle, where.toString());
              if (type != null) {
                query.bind("type", type);
              }
              if (name != null) {
                query.bind("name", name);
              }
              return query.map(Configs::map).list();
            });
    if (latestOnly) {
      Set<String> seen = new java.util.HashSet<>();
      all = all.stream().filter(c -> seen.add(c.type() + "\u0000" + c.name())).collect(Collectors.toList());
      return all.stream().sorted(ORDER).toList();
    }
    return all.stream().sorted(ORDER).limit(limit).toList();
  }

  /** Hides every version of (type, name); returns how many were hidden. */
  public int delete(String type, String name) {
    return jdbi.withHandle(
        handle ->
            handle
                .createUpdate("UPDATE configs SET deleted = TRUE WHERE type = :type AND name = :name AND deleted = FALSE")
                .bind("type", type)
                .bind("name", name)
                .execute());
  }

  /** Hides one version; returns false when there is no such visible config. */
  public boolean delete(long id) {
    return jdbi.withHandle(handle -> handle.createUpdate("UPDATE configs SET deleted = TRUE WHERE id = :id AND deleted = FALSE").bind("id", id).execute()) > 0;
  }

  private static Query select(Handle handle, String tail) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM configs " + tail);
  }

  private static Config map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
    return new Config(rs.getLong("id"), rs.getString("type"), rs.getString("name"), rs.getString("content"), rs.getString("team"), rs.getLong("created_at"));
  }
}
