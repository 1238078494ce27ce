package io.lazarus.director.releases;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lazarus.core.json.Json;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.api.Requests;
import io.lazarus.director.api.Routes;
import io.lazarus.director.api.UploadReceiver;
import io.lazarus.director.deployments.Deployments;
import io.lazarus.director.releases.ReleaseRows.JobRow;
import io.lazarus.director.releases.ReleaseRows.PackageRow;
import io.lazarus.director.releases.ReleaseRows.VersionRow;
import io.lazarus.director.tasks.NewTask;
import io.lazarus.director.tasks.TaskQueue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/**
 * {@code GET /releases}, {@code GET /releases/:name} (inspect), {@code POST /releases} (upload, a task) and
 * {@code DELETE /releases/:name} (a task), with BOSH's shapes.
 */
public final class ReleaseRoutes implements Routes {
  private final Releases releases;
  private final Deployments deployments;
  private final UploadReceiver uploads;
  private final TaskQueue queue;

  public ReleaseRoutes(Releases releases, Deployments deployments, UploadReceiver uploads, TaskQueue queue) {
    this.releases = releases;
    this.deployments = deployments;
    this.uploads = uploads;
    this.queue = queue;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/releases", this::list);
    routes.get("/releases/{name}", this::inspect);
    routes.post("/releases", this::upload);
    routes.delete("/releases/{name}", this::delete);
  }

  private void list(Context ctx) {
    List<Map<String, Object>> json =
        releases.list().stream()
            .map(
                release -> {
                  List<Map<String, Object>> versions =
                      releases.versions(release.id()).stream()
                          .map(
                              v -> {
                                Map<String, Object> entry = new LinkedHashMap<>();
                                entry.put("version", v.version());
                                entry.put("commit_hash", v.commitHash());
                                entry.put("uncommitted_changes", v.uncommittedChanges());
                                entry.put("currently_deployed", !deployments.usingReleaseVersion(v.id()).isEmpty());
                                entry.put("job_names", releases.jobsOf(v.id()).stream().map(JobRow::name).toList());
                                return entry;
                              })
                          .toList();
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("name", release.name());
                  entry.put("release_versions", versions);
                  return entry;
                })
            .toList();
    ctx.json(json);
  }

  private void inspect(Context ctx) {
    String name = ctx.pathParam("name");
    long releaseId = releases.releaseId(name).orElseThrow(() -> releaseNotFound(name));
    String version = ctx.queryParam("version");
    if (version == null || version.isEmpty()) {
      ctx.json(summary(releaseId));
      return;
    }
    if (SemiSemanticVersion.parse(version).isEmpty()) {
      throw new DirectorException(ErrorCode.RELEASE_VERSION_INVALID, "Release version invalid: " + version);
    }
    VersionRow row = releases.version(releaseId, version).orElseThrow(() -> versionNotFound(name, version));
    List<Map<String, Object>> jobs =
        releases.jobsOf(row.id()).stream()
            .map(
                job -> {
                  Map<String, Object> spec = Json.mapper().readValue(job.spec(), new TypeReference<Map<String, Object>>() {});
                  Map<String, Object> entry = artifact(job.name(), job.blobstoreId(), job.sha1(), job.fingerprint());
                  entry.put("consumes", spec.getOrDefault("consumes", List.of()));
                  entry.put("provides", spec.getOrDefault("provides", List.of()));
                  return entry;
                })
            .toList();
    List<Map<String, Object>> packages =
        releases.packagesOf(row.id()).stream()
            .map(
                pkg -> {
                  Map<String, Object> entry = artifact(pkg.name(), pkg.blobstoreId(), pkg.sha1(), pkg.fingerprint());
                  entry.put("compiled_packages", List.of()); // no compiled packages until the deployer compiles
                  return entry;
                })
            .toList();
    ctx.json(Map.of("jobs", jobs, "packages", packages));
  }

  private static Map<String, Object> artifact(String name, String blobstoreId, String sha1, String fingerprint) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put("blobstore_id", blobstoreId);
    entry.put("sha1", sha1);
    entry.put("fingerprint", fingerprint);
    return entry;
  }

  /** The inspect shape without a version: every package and job row of the release, and its versions. */
  private Map<String, Object> summary(long releaseId) {
    List<Map<String, Object>> packages = releases.packagesOfRelease(releaseId).stream().map(ReleaseRoutes::packageSummary).toList();
    List<Map<String, Object>> jobs = releases.jobsOfRelease(releaseId).stream().map(ReleaseRoutes::jobSummary).toList();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("packages", packages);
    json.put("jobs", jobs);
    json.put("versions", releases.versions(releaseId).stream().map(VersionRow::version).toList());
    return json;
  }

  private static Map<String, Object> packageSummary(PackageRow pkg) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", pkg.name());
    entry.put("sha1", pkg.sha1());
    entry.put("version", pkg.version());
    entry.put("dependencies", pkg.dependencies());
    return entry;
  }

  private static Map<String, Object> jobSummary(JobRow job) {
    Map<String, Object> spec = Json.mapper().readValue(job.spec(), new TypeReference<Map<String, Object>>() {});
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", job.name());
    entry.put("sha1", job.sha1());
    entry.put("version", job.version());
    entry.put("packages", spec.getOrDefault("packages", List.of()));
    return entry;
  }

  private void upload(Context ctx) throws IOException {
    Path file = uploads.receive(ctx, "release");
    try {
      Map<String, Object> payload = new HashMap<>();
      payload.put("upload", file.toString());
      payload.put("fix", Requests.flag(ctx, "fix"));
      payload.put("rebase", Requests.flag(ctx, "rebase"));
      Requests.redirectToTask(ctx, queue.enqueue(NewTask.of(UploadReleaseJob.TYPE, "create release", Requests.username(ctx), null, Requests.contextId(ctx), payload)));
    } catch (RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  private void delete(Context ctx) {
    String name = ctx.pathParam("name");
    long releaseId = releases.releaseId(name).orElseThrow(() -> releaseNotFound(name));
    String version = ctx.queryParam("version");
    if (version != null && version.isEmpty()) {
      version = null;
    }
    if (version != null && releases.version(releaseId, version).isEmpty()) {
      throw versionNotFound(name, version);
    }
    Map<String, Object> payload = new HashMap<>();
    payload.put("name", name);
    payload.put("version", version);
    payload.put("force", Requests.flag(ctx, "force"));
    String description = "delete release: " + name + (version == null ? "" : "/" + version);
    Requests.redirectToTask(ctx, queue.enqueue(NewTask.of(DeleteReleaseJob.TYPE, description, Requests.username(ctx), null, Requests.contextId(ctx), payload)));
  }

  static DirectorException releaseNotFound(String name) {
    return new DirectorException(ErrorCode.RELEASE_NOT_FOUND, "Release '" + name + "' doesn't exist");
  }

  static DirectorException versionNotFound(String name, String version) {
    return new DirectorException(ErrorCode.RELEASE_VERSION_NOT_FOUND, "Release version '" + name + "/" + version + "' doesn't exist");
  }
}
