package io.lazarus.director.stemcells;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.api.Requests;
import io.lazarus.director.api.Routes;
import io.lazarus.director.api.UploadReceiver;
import io.lazarus.director.cpis.Cpis;
import io.lazarus.director.deployments.Deployments;
import io.lazarus.director.tasks.NewTask;
import io.lazarus.director.tasks.TaskQueue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /stemcell_uploads} (is an upload needed?), {@code POST /stemcells} (upload, a task),
 * {@code GET /stemcells} (one entry per stemcell and CPI) and {@code DELETE /stemcells/:name/:version} (a task),
 * with BOSH's shapes.
 */
public final class StemcellRoutes implements Routes {
  private final Stemcells stemcells;
  private final Cpis cpis;
  private final Deployments deployments;
  private final UploadReceiver uploads;
  private final TaskQueue queue;

  public StemcellRoutes(Stemcells stemcells, Cpis cpis, Deployments deployments, UploadReceiver uploads, TaskQueue queue) {
    this.stemcells = stemcells;
    this.cpis = cpis;
    this.deployments = deployments;
    this.uploads = uploads;
    this.queue = queue;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.post("/stemcell_uploads", this::needed);
    routes.post("/stemcells", this::upload);
    routes.get("/stemcells", this::list);
    routes.delete("/stemcells/{name}/{version}", this::delete);
  }

  private void needed(Context ctx) {
    Map<String, Object> body = Requests.jsonObject(ctx);
    if (!(body.get("stemcell") instanceof Map<?, ?> stemcell)) {
      throw new DirectorException(ErrorCode.VALIDATION_MISSING_FIELD, "Missing 'stemcell' field");
    }
    String name = scalar(stemcell, "name");
    String version = scalar(stemcell, "version");
    // as BOSH: needed while some CPI lacks it, so an upload after the cpi config grew fills in the new CPIs
    List<String> have = stemcells.findAll(name, version).stream().map(s -> cpis.canonical(s.cpi())).toList();
    ctx.json(Map.of("needed", !have.containsAll(cpis.names())));
  }

  private static String scalar(Map<?, ?> map, String field) {
    Object value = map.get(field);
    if (value == null || value.toString().isBlank()) {
      throw new DirectorException(ErrorCode.VALIDATION_MISSING_FIELD, "Missing '" + field + "' field");
    }
    if (!(value instanceof String || value instanceof Number)) {
      throw new DirectorException(ErrorCode.VALIDATION_INVALID_TYPE, "'" + field + "' must be a string");
    }
    return value.toString();
  }

  private void upload(Context ctx) throws IOException {
    Path file = uploads.receive(ctx, "stemcell");
    try {
      Map<String, Object> payload = Map.of("upload", file.toString(), "fix", Requests.flag(ctx, "fix"));
      Requests.redirectToTask(ctx, queue.enqueue(NewTask.of(UploadStemcellJob.TYPE, "create stemcell", Requests.username(ctx), null, Requests.contextId(ctx), payload)));
    } catch (RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  private void list(Context ctx) {
    List<Map<String, Object>> json = stemcells.list().stream().map(s -> json(s, deployments.usingStemcell(s.id()))).toList();
    ctx.json(json);
  }

  /** BOSH's JSON of one CPI's copy of a stemcell and the deployments using it (also in clean-up's dry run). */
  public static Map<String, Object> json(Stemcell s, List<String> users) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", s.name());
    entry.put("operating_system", s.operatingSystem());
    entry.put("version", s.version());
    entry.put("cid", s.cid());
    entry.put("cpi", s.cpi());
    entry.put("deployments", users.stream().map(d -> Map.of("name", d)).toList());
    entry.put("api_version", s.apiVersion());
    entry.put("id", s.id());
    return entry;
  }

  private void delete(Context ctx) {
    String name = ctx.pathParam("name");
    String version = ctx.pathParam("version");
    if (stemcells.findAll(name, version).isEmpty()) {
      throw notFound(name + "/" + version);
    }
    Map<String, Object> payload = Map.of("name", name, "version", version, "force", Requests.flag(ctx, "force"));
    Requests.redirectToTask(
        ctx, queue.enqueue(NewTask.of(DeleteStemcellJob.TYPE, "delete stemcell: " + name + "/" + version, Requests.username(ctx), null, Requests.contextId(ctx), payload)));
  }

  static DirectorException notFound(String label) {
    return new DirectorException(ErrorCode.STEMCELL_NOT_FOUND, "Stemcell '" + label + "' doesn't exist");
  }
}
