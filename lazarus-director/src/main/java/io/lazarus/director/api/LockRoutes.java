package io.lazarus.director.api;

import io.javalin.config.RoutesConfig;
import io.lazarus.director.locks.LockRow;
import io.lazarus.director.locks.Locks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /locks}: BOSH's shape, {@code timeout} as "epoch.usec" and {@code task_id} as strings. */
public final class LockRoutes implements Routes {
  private final Locks locks;

  public LockRoutes(Locks locks) {
    this.locks = locks;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/locks", ctx -> ctx.json(locks.list().stream().map(LockRoutes::json).toList()));
  }

  private static Map<String, Object> json(LockRow lock) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", lock.type());
    json.put("resource", List.of(lock.resource()));
    json.put("timeout", String.format("%d.%06d", lock.expiresAt() / 1000, (lock.expiresAt() % 1000) * 1000));
    json.put("task_id", lock.taskId() == null ? "" : Long.toString(lock.taskId()));
    return json;
  }
}
