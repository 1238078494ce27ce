package io.lazarus.director.healthmonitor;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lazarus.director.api.Routes;
import io.lazarus.director.deployments.DeploymentRoutes;
import io.lazarus.director.deployments.Deployments;

/**
 * {@code GET /deployments/D/resurrection/decisions} (admin or read): the Health Monitor's view of why each instance
 * of D is or is not being resurrected, passed through as the HM wrote it (docs/internals/healing.md, "HM HTTP API").
 * Backs {@code lazarus resurrection explain}.
 */
public final class DecisionRoutes implements Routes {
  private final Deployments deployments;
  private final HealthMonitorClient healthMonitor;

  public DecisionRoutes(Deployments deployments, HealthMonitorClient healthMonitor) {
    this.deployments = deployments;
    this.healthMonitor = healthMonitor;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/deployments/{name}/resurrection/decisions", this::decisions);
  }

  private void decisions(Context ctx) {
    String name = ctx.pathParam("name");
    deployments.find(name).orElseThrow(() -> DeploymentRoutes.notFound(name));
    ctx.contentType("application/json");
    ctx.result(healthMonitor.decisions(name));
  }
}
