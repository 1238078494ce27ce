package io.lazarus.director.deployments;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.api.Requests;
import io.lazarus.director.api.Routes;
import io.lazarus.director.configs.Config;
import io.lazarus.director.configs.Configs;
import io.lazarus.director.locks.LockRow;
import io.lazarus.director.locks.Locks;
import io.lazarus.director.tasks.NewTask;
import io.lazarus.director.tasks.TaskQueue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code GET /deployments}, {@code GET /deployments/:name} (the manifest) and {@code DELETE /deployments/:name}. */
public final class DeploymentRoutes implements Routes {
  private final Deployments deployments;
  private final Configs configs;
  private final Locks locks;
  private final TaskQueue queue;

  public DeploymentRoutes(Deployments deployments, Configs configs, Locks locks, TaskQueue queue) {
    this.deployments = deployments;
    this.configs = configs;
    this.locks = locks;
    this.queue = queue;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/deployments", this::list);
    routes.get("/deployments/{name}", ctx -> ctx.json(Map.of("manifest", find(ctx.pathParam("name")).manifest())));
    routes.delete("/deployments/{name}", this::delete);
  }

  private void list(Context ctx) {
    Set<Long> latestCloudConfigs = configs.list("cloud", null, true, Integer.MAX_VALUE).stream().map(Config::id).collect(Collectors.toSet());
    Set<String> locked = locks.list().stream().map(LockRow::name).collect(Collectors.toSet());
    List<Map<String, Object>> json =
        deployments.list().stream()
            .map(
                d -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("name", d.name());
                  entry.put("cloud_config", cloudConfigState(d, latestCloudConfigs));
                  entry.put("releases", d.releases());
                  entry.put("stemcells", d.stemcells());
                  entry.put("teams", d.teams());
                  entry.put("locked", locked.contains(Locks.deploymentLock(d.name())));
                  return entry;
                })
            .toList();
    ctx.json(json);
  }

  /** BOSH's "none" (deployed without cloud config), "latest" or "outdated" (a cloud config changed since). */
  private static String cloudConfigState(Deployment deployment, Set<Long> latest) {
    if (deployment.cloudConfigIds().isEmpty()) {
      return "none";
    }
    return Set.copyOf(deployment.cloudConfigIds()).equals(latest) ? "latest" : "outdated";
  }

  private void delete(Context ctx) {
    String name = find(ctx.pathParam("name")).name();
    Map<String, Object> payload = Map.of("name", name, "force", Requests.flag(ctx, "force"));
    Requests.redirectToTask(
        ctx, queue.enqueue(NewTask.of(DeleteDeploymentJob.TYPE, "delete deployment " + name, Requests.username(ctx), name, Requests.contextId(ctx), payload)));
  }

  private Deployment find(String name) {
    return deployments.find(name).orElseThrow(() -> notFound(name));
  }

  public static DirectorException notFound(String name) {
    return new DirectorException(ErrorCode.DEPLOYMENT_NOT_FOUND, "Deployment '" + name + "' doesn't exist");
  }
}
