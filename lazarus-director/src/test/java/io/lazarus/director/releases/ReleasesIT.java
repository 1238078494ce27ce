package io.lazarus.director.releases;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.director.fixtures.ReleaseTarball;
import io.lazarus.director.fixtures.Tasks;
import io.lazarus.director.fixtures.ApiErrors;
import io.lazarus.director.testing.ApiClient;
import io.lazarus.director.testing.TestDirector;
import io.lazarus.testing.DatabaseKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Releases through the API: upload, list, inspect, package matches, shared packages, in-use refusal, delete. */
class ReleasesIT {
  private static final String TARBALL = "application/x-compressed";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  @SuppressWarnings("unchecked")
  void uploadsListsInspectsAndDeletesReleases(DatabaseKind kind) throws Exception {
    try (TestDirector director = TestDirector.start(kind, dir)) {
      ApiClient api = director.admin();
      Path blobstore = director.services().store().blobstore();
      Map<String, Object> task = Tasks.done(api, api.postFile("/releases", TARBALL, ReleaseTarball.demo("demo", "1").writeTo(dir.resolve("demo-1.tgz"))));
      assertThat(task).containsEntry("description", "create release").containsEntry("result", "Created release 'demo/1'");
      assertThat(Tasks.eventLog(api, task))
          .contains("\"stage\":\"Extracting release\"", "\"stage\":\"Verifying manifest\"", "\"stage\":\"Resolving package dependencies\"", "\"stage\":\"Creating new packages\"", "\"stage\":\"Creating new jobs\"", "\"stage\":\"Release has been created\"", "\"task\":\"demo/1\"");
      assertThat(Tasks.filesUnder(blobstore)).hasSize(3);

      assertThat(api.jsonArray(api.get("/releases")))
          .containsExactly(Map.of("name", "demo", "release_versions", List.of(Map.of("version", "1", "commit_hash", "abc1234", "uncommitted_changes", false, "currently_deployed", false, "job_names", List.of("web")))));
      Map<String, Object> inspect = api.jsonObject(api.get("/releases/demo?version=1"));
      assertThat((List<Map<String, Object>>) inspect.get("packages")).extracting(p -> p.get("name")).containsExactly("app", "ruby");
      Map<String, Object> web = ((List<Map<String, Object>>) inspect.get("jobs")).get(0);
      assertThat(web).containsEntry("name", "web").containsEntry("consumes", List.of()).containsEntry("provides", List.of(Map.of("name", "web", "type", "http"))).containsKeys("blobstore_id", "sha1", "fingerprint");
      String rubyBlob = blobOf(inspect, "ruby");
      assertThat(Files.exists(blobstore.resolve(rubyBlob))).isTrue();

      String manifest = "packages:\n- {name: ruby, fingerprint: " + ReleaseTarball.fingerprint("ruby 3.3") + "}\n- {name: new, fingerprint: unknown}\n";
      assertThat(api.get("/releases").statusCode()).isEqualTo(200);
      assertThat(api.post("/packages/matches", "text/yaml", manifest).body()).isEqualTo("[\"" + ReleaseTarball.fingerprint("ruby 3.3") + "\"]");
      assertThat(api.post("/packages/matches_compiled", "text/yaml", "compiled_packages: []\n").body()).isEqualTo("[]");

      // Version 2 changes app and leaves ruby out of the tarball, as the CLI does after /packages/matches.
      ReleaseTarball v2 = ReleaseTarball.of("demo", "2").pkg("ruby", "ruby 3.3").pkg("app", "app v2", "ruby").job("web", "ruby", "app").without("packages/ruby.tgz").sha256();
      Tasks.done(api, api.postFile("/releases", TARBALL, v2.writeTo(dir.resolve("demo-2.tgz"))));
      assertThat(blobOf(api.jsonObject(api.get("/releases/demo?version=2")), "ruby")).isEqualTo(rubyBlob);
      assertThat(Tasks.filesUnder(blobstore)).as("only app v2 is new").hasSize(4);
      Map<String, Object> summary = api.jsonObject(api.get("/releases/demo"));
      assertThat(summary).containsEntry("versions", List.of("1", "2"));
      assertThat((List<?>) summary.get("packages")).hasSize(3);

      Map<String, Object> again = Tasks.done(api, api.postFile("/releases", TARBALL, ReleaseTarball.demo("demo", "1").writeTo(dir.resolve("again.tgz"))));
      assertThat(again).containsEntry("result", "Created release 'demo/1'");
      assertThat(Tasks.filesUnder(blobstore)).as("re-uploading a version stores nothing new").hasSize(4);
      Tasks.done(api, api.postFile("/releases?fix=true", TARBALL, ReleaseTarball.demo("demo", "1").writeTo(dir.resolve("fix.tgz"))));
      assertThat(blobOf(api.jsonObject(api.get("/releases/demo?version=1")), "ruby")).as("fix replaces blobs").isNotEqualTo(rubyBlob);
      assertThat(Tasks.filesUnder(blobstore)).as("replaced blobs are deleted").hasSize(4);
      assertThat(Tasks.failed(api, api.postFile("/releases", TARBALL, ReleaseTarball.demo("demo", "1").commit("fff").writeTo(dir.resolve("other-commit.tgz")))))
          .isEqualTo("release 'demo/1' has already been uploaded with commit_hash as 'abc1234' and uncommitted_changes as 'false'");
      Map<String, Object> rebased = Tasks.done(api, api.postFile("/releases?rebase=true", TARBALL, ReleaseTarball.demo("demo", "2").commit("fff").writeTo(dir.resolve("rebase.tgz"))));
      assertThat(rebased).containsEntry("result", "Created release 'demo/2+dev.1'");

      long v1 = director.services().releases().version(director.services().releases().releaseId("demo").orElseThrow(), "1").orElseThrow().id();
      director.services().deployments().save("web", "name: web\n", List.of(v1), List.of(), List.of());
      assertThat(api.jsonArray(api.get("/releases")).get(0).get("release_versions").toString()).contains("version=1, commit_hash=abc1234, uncommitted_changes=false, currently_deployed=true");
      assertThat(Tasks.failed(api, api.delete("/releases/demo?version=1"))).isEqualTo("ReleaseVersion 'demo/1' is still in use by: web");
      assertThat(Tasks.failed(api, api.delete("/releases/demo"))).isEqualTo("Release 'demo' is still in use by: web");
      director.services().deployments().delete("web");

      Map<String, Object> deleted = Tasks.done(api, api.delete("/releases/demo?version=1"));
      assertThat(deleted).containsEntry("description", "delete release: demo/1");
      assertThat(Files.exists(blobstore.resolve(blobOf(api.jsonObject(api.get("/releases/demo?version=2")), "ruby")))).as("ruby is still used by version 2").isTrue();
      assertThat(api.jsonObject(api.get("/releases/demo"))).containsEntry("versions", List.of("2", "2+dev.1"));
      Tasks.done(api, api.delete("/releases/demo"));
      assertThat(api.jsonArray(api.get("/releases"))).isEmpty();
      assertThat(Tasks.filesUnder(blobstore)).isEmpty();
      assertThat(api.jsonArray(api.get("/events?object_type=release"))).extracting(e -> e.get("action") + " " + e.get("object_name")).startsWith("delete demo", "delete demo/1");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void answersBadRequestsWithBoshsErrors(DatabaseKind kind) throws Exception {
    try (TestDirector director = TestDirector.start(kind, dir)) {
      ApiClient api = director.admin();
      ApiErrors.assertError(api.get("/releases/nope"), 404, 30005, "Release 'nope' doesn't exist");
      ApiErrors.assertError(api.delete("/releases/nope"), 404, 30005, "Release 'nope' doesn't exist");
      Tasks.done(api, api.postFile("/releases", TARBALL, ReleaseTarball.demo("demo", "1").writeTo(dir.resolve("demo.tgz"))));
      ApiErrors.assertError(api.get("/releases/demo?version=9"), 404, 30006, "Release version 'demo/9' doesn't exist");
      ApiErrors.assertError(api.get("/releases/demo?version=a%20b"), 400, 30010, "Release version invalid: a b");
      ApiErrors.assertError(api.delete("/releases/demo?version=9"), 404, 30006, "Release version 'demo/9' doesn't exist");
      ApiErrors.assertError(api.post("/packages/matches", "text/yaml", "packages: [\n"), 400, 440001, "release.MF: line 2: invalid YAML");
      ApiErrors.assertError(api.post("/packages/matches", "text/yaml", "name: x\n"), 400, 440001, "Manifest doesn't have a usable packages section");
      ApiErrors.assertError(api.post("/releases", "application/json", "{\"location\":\"https://example.com/r.tgz\"}"), 400, 40005, "remote release URLs are not supported");
    }
  }

  @SuppressWarnings("unchecked")
  private static String blobOf(Map<String, Object> inspect, String pkg) {
    return ((List<Map<String, Object>>) inspect.get("packages")).stream().filter(p -> p.get("name").equals(pkg)).findFirst().map(p -> (String) p.get("blobstore_id")).orElseThrow();
  }
}
