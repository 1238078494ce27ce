package io.lazarus.director.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.director.Director;
import io.lazarus.director.fixtures.ApiErrors;
import io.lazarus.director.fixtures.ReleaseTarball;
import io.lazarus.director.fixtures.StemcellTarball;
import io.lazarus.director.fixtures.Tasks;
import io.lazarus.director.locks.Lock;
import io.lazarus.director.locks.Locks;
import io.lazarus.director.testing.ApiClient;
import io.lazarus.director.testing.TestDirector;
import io.lazarus.testing.DatabaseKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Deployments (rows only, no VMs yet): listing with cloud-config state and lock, manifest, delete task. */
class DeploymentsIT {
  private static final String TARBALL = "application/x-compressed";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void listsShowsAndDeletesDeployments(DatabaseKind kind) throws Exception {
    try (TestDirector director = TestDirector.start(kind, dir)) {
      ApiClient api = director.admin();
      Director.DirectorServices services = director.services();
      Tasks.done(api, api.postFile("/stemcells", TARBALL, StemcellTarball.of("bosh-local", "7").writeTo(dir.resolve("s.tgz"))));
      Tasks.done(api, api.postFile("/releases", TARBALL, ReleaseTarball.demo("demo", "1").writeTo(dir.resolve("r.tgz"))));
      long stemcellId = services.stemcells().find("bosh-local", "7", "local").orElseThrow().id();
      long releaseVersionId = services.releases().version(services.releases().releaseId("demo").orElseThrow(), "1").orElseThrow().id();
      long cloudConfigId = services.configs().create("cloud", "default", "azs: []\n").id();
      String manifest = "name: web\nreleases: [{name: demo, version: '1'}]\n";
      services.deployments().save("web", manifest, List.of(releaseVersionId), List.of(stemcellId), List.of(cloudConfigId));
      services.deployments().save("api", "name: api\n", List.of(), List.of(), List.of());

      List<Map<String, Object>> list = api.jsonArray(api.get("/deployments?exclude_configs=true"));
      assertThat(list).extracting(d -> d.get("name")).containsExactly("api", "web");
      assertThat(list.get(0)).containsEntry("cloud_config", "none").containsEntry("releases", List.of()).containsEntry("locked", false);
      assertThat(list.get(1))
          .isEqualTo(Map.of("name", "web", "cloud_config", "latest", "releases", List.of(Map.of("name", "demo", "version", "1")), "stemcells", List.of(Map.of("name", "bosh-local", "version", "7")), "teams", List.of(), "locked", false));
      services.configs().create("cloud", "default", "azs: [{name: z1}]\n");
      try (Lock lock = services.locks().acquire(Locks.deploymentLock("web"), null, Duration.ZERO)) {
        assertThat(api.jsonArray(api.get("/deployments")).get(1)).containsEntry("cloud_config", "outdated").containsEntry("locked", true);
      }

      assertThat(api.jsonObject(api.get("/deployments/web"))).isEqualTo(Map.of("manifest", manifest));
      ApiErrors.assertError(api.get("/deployments/nope"), 404, 70000, "Deployment 'nope' doesn't exist");
      ApiErrors.assertError(api.delete("/deployments/nope"), 404, 70000, "Deployment 'nope' doesn't exist");

      Map<String, Object> task = Tasks.done(api, api.delete("/deployments/web?force=true"));
      assertThat(task).containsEntry("description", "delete deployment web").containsEntry("result", "/deployments/web").containsEntry("deployment", "web");
      assertThat(api.jsonArray(api.get("/deployments"))).extracting(d -> d.get("name")).containsExactly("api");
      assertThat(services.deployments().usingStemcell(stemcellId)).isEmpty();
      assertThat(services.deployments().usingReleaseVersion(releaseVersionId)).isEmpty();
      assertThat(api.jsonArray(api.get("/events?object_type=deployment"))).singleElement().satisfies(e -> assertThat(e).containsEntry("action", "delete").containsEntry("object_name", "web").containsEntry("deployment", "web").containsEntry("task", String.valueOf(task.get("id"))));
    }
  }
}
