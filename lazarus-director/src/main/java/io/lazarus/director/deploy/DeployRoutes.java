package io.lazarus.director.deploy;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lazarus.core.manifest.DeploymentManifest;
import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.api.Requests;
import io.lazarus.director.api.Routes;
import io.lazarus.director.configs.Config;
import io.lazarus.director.configs.Configs;
import io.lazarus.director.configs.LineDiff;
import io.lazarus.director.deployments.Deployment;
import io.lazarus.director.deployments.Deployments;
import io.lazarus.director.tasks.NewTask;
import io.lazarus.director.tasks.TaskQueue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /deployments} (the manifest as {@code text/yaml}; {@code recreate}, {@code fix}, {@code dry_run})
 * starts a "create deployment" task; {@code POST /deployments/:name/diff} shows what would change in the manifest.
 * A manifest that is not YAML, or not a valid manifest, is refused with 400 before any task exists.
 */
public final class DeployRoutes implements Routes {
  private final Deployments deployments;
  private final Configs configs;
  private final TaskQueue queue;

  public DeployRoutes(Deployments deployments, Configs configs, TaskQueue queue) {
    this.deployments = deployments;
    this.configs = configs;
    this.queue = queue;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.post("/deployments", this::deploy);
    routes.post("/deployments/{name}/diff", this::diff);
  }

  private void deploy(Context ctx) {
    String text = ctx.body();
    DeploymentManifest manifest = parse(text);
    Map<String, ?> payload = DeployJob.payload(text, Requests.flag(ctx, "recreate"), Requests.flag(ctx, "dry_run"), Requests.flag(ctx, "fix"));
    Requests.redirectToTask(ctx, queue.enqueue(NewTask.of(DeployJob.TYPE, DeployJob.DESCRIPTION, Requests.username(ctx), manifest.name(), Requests.contextId(ctx), payload)));
  }

  private void diff(Context ctx) {
    String name = ctx.pathParam("name");
    String text = ctx.body();
    DeploymentManifest manifest = parse(text);
    if (!manifest.name().equals(name)) {
      throw new DirectorException(ErrorCode.BAD_MANIFEST, "manifest names deployment '" + manifest.name() + "' but the request is for '" + name + "'");
    }
    String current = deployments.find(name).map(Deployment::manifest).orElse("");
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("cloud_config_ids", configs.list("cloud", null, true, Integer.MAX_VALUE).stream().map(Config::id).toList());
    context.put("runtime_config_ids", List.of());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("context", context);
    answer.put("diff", LineDiff.diff(current, text).stream().map(LineDiff.Line::toJson).toList());
    ctx.json(answer);
  }

  private static DeploymentManifest parse(String text) {
    if (text == null || text.isBlank()) {
      throw new DirectorException(ErrorCode.BAD_MANIFEST, "request body is empty; expected a deployment manifest (text/yaml)");
    }
    return DeploymentManifest.parse(YamlDocument.parse("manifest", text));
  }
}
