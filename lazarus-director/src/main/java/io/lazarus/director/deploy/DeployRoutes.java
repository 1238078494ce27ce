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
 * {@code POST /deployments} (the manifest as {@code text/yaml}; {@code recreate}, {@code recreate_persistent_disks},
 * {@code fix}, {@code dry_run}, {@code skip_drain}, {@code canaries}, {@code max_in_flight}: {@link DeployOptions})
 * starts a "create deployment" task; {@code POST /deployments/:name/diff} shows what would change in the manifest,
 * its properties' values redacted unless {@code redact=false} ({@link ManifestRedaction}).
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
    DeployOptions options = new DeployOptions(Requests.flag(ctx, "recreate"), Requests.flag(ctx, "recreate_persistent_disks"), Requests.flag(ctx, "fix"),
        Requests.flag(ctx, "dry_run"), SkipDrain.parse(ctx.queryParam("skip_drain")), InstanceStateRoutes.countOrPercent(ctx, "canaries"),
        InstanceStateRoutes.countOrPercent(ctx, "max_in_flight"));
    Map<String, ?> payload = DeployJob.payload(text, options);
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
    // BOSH redacts unless told redact=false; the bosh CLI asks for it with deploy --no-redact
    boolean redact = !"false".equals(ctx.queryParam("redact"));
    List<LineDiff.Line> lines = redact ? LineDiff.diff(ManifestRedaction.redact(current), ManifestRedaction.redact(text)) : LineDiff.diff(current, text);
    answer.put("diff", lines.stream().map(LineDiff.Line::toJson).toList());
    ctx.json(answer);
  }

  private static DeploymentManifest parse(String text) {
    if (text == null || text.isBlank()) {
      throw new DirectorException(ErrorCode.BAD_MANIFEST, "request body is empty; expected a deployment manifest (text/yaml)");
    }
    return DeploymentManifest.parse(YamlDocument.parse("manifest", text));
  }
}
