package io.lazarus.director.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.core.json.Json;
import io.lazarus.cpi.dummy.DummyCpi;
import io.lazarus.director.Director.DirectorServices;
import io.lazarus.director.deployments.Deployment;
import io.lazarus.director.fixtures.ReleaseTarball;
import io.lazarus.director.fixtures.StemcellTarball;
import io.lazarus.director.fixtures.Tasks;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.PersistentDisk;
import io.lazarus.director.testing.ApiClient;
import io.lazarus.director.testing.TestDirector;
import io.lazarus.testing.DatabaseKind;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /cleanup/dryrun} and {@code POST /cleanup} as the bosh CLI's clean-up sends them, on the dummy CPI: the
 * versions a deployment uses and the two newest unused ones stay, orphaned disks stay unless {@code remove_all}.
 * The deployment is only recorded (no VMs), which is all "in use" means.
 */
class CleanupIT {
  private static final String TARBALL = "application/x-compressed";

  @TempDir Path dir;

  @Test
  @SuppressWarnings("unchecked")
  void cleanUpKeepsWhatIsUsedAndTheNewestThenAllRemovesTheRest() throws Exception {
    try (TestDirector director = TestDirector.start(DatabaseKind.H2, dir, "cpi: {type: dummy}\n")) {
      ApiClient api = director.admin();
      DirectorServices services = director.services();
      for (String version : List.of("1", "2", "10", "3")) {
        Tasks.done(api, api.postFile("/stemcells", TARBALL, StemcellTarball.of("cell", version).writeTo(dir.resolve("cell-" + version + ".tgz"))));
        Tasks.done(api, api.postFile("/releases", TARBALL, ReleaseTarball.demo("rel", version).writeTo(dir.resolve("rel-" + version + ".tgz"))));
      }
      long releaseId = services.releases().releaseId("rel").orElseThrow();
      long usedVersion = services.releases().version(releaseId, "1").orElseThrow().id();
      long usedStemcell = services.stemcells().findAll("cell", "1").getFirst().id();
      Deployment shop = services.deployments().save("shop", "name: shop\n", List.of(usedVersion), List.of(usedStemcell), List.of());
      String orphan = orphan(services, shop, (DummyCpi) services.cpis().defaultCpi());

      // Without --all: of the unused 2, 3 and 10, the semi-semantically oldest goes.
      Map<String, Object> dry = api.jsonObject(api.get("/cleanup/dryrun?remove_all=false&keep_orphaned_disks=false"));
      assertThat(dry.keySet()).containsExactly("releases", "stemcells", "compiled_packages", "orphaned_disks", "orphaned_vms", "exported_releases", "dns_blobs");
      assertThat(dry.get("releases")).isEqualTo(List.of(Map.of("name", "rel", "versions", List.of("2"))));
      assertThat((List<Map<String, Object>>) dry.get("stemcells")).singleElement().satisfies(s -> assertThat(s).containsEntry("name", "cell").containsEntry("version", "2"));
      assertThat((List<?>) dry.get("orphaned_disks")).isEmpty();

      Map<String, Object> task = Tasks.done(api, api.post("/cleanup", "application/json", "{\"config\":{\"remove_all\":false,\"keep_orphaned_disks\":false}}"));
      assertThat(task).containsEntry("description", "clean up")
          .containsEntry("result", "Deleted 1 release(s), 1 stemcell(s), 0 extra compiled package(s), 0 orphaned disk(s), 0 orphaned vm(s), 0 exported release(s)");
      assertThat(Tasks.eventLog(api, task)).contains("\"stage\":\"Deleting releases\"").contains("\"task\":\"rel/2\"").contains("\"stage\":\"Deleting stemcells\"").contains("\"task\":\"cell/2\"");
      assertThat(services.releases().versions(releaseId)).extracting(v -> v.version()).containsExactlyInAnyOrder("1", "3", "10");
      assertThat(services.stemcells().list()).extracting(s -> s.version()).containsExactlyInAnyOrder("1", "3", "10");
      assertThat(services.orphanDisks().find(orphan)).isPresent();

      // --all keeps orphaned disks only when asked to.
      Map<String, Object> all = api.jsonObject(api.get("/cleanup/dryrun?remove_all=true"));
      assertThat(all.get("releases")).isEqualTo(List.of(Map.of("name", "rel", "versions", List.of("3", "10"))));
      assertThat((List<Map<String, Object>>) all.get("orphaned_disks")).extracting(d -> d.get("disk_cid")).containsExactly(orphan);
      assertThat((List<?>) api.jsonObject(api.get("/cleanup/dryrun?remove_all=true&keep_orphaned_disks=true")).get("orphaned_disks")).isEmpty();

      Map<String, Object> everything = Tasks.done(api, api.post("/cleanup", "application/json", "{\"config\":{\"remove_all\":true}}"));
      assertThat(everything).containsEntry("description", "clean up all")
          .containsEntry("result", "Deleted 2 release(s), 2 stemcell(s), 0 extra compiled package(s), 1 orphaned disk(s), 0 orphaned vm(s), 0 exported release(s)");
      assertThat(services.releases().versions(releaseId)).extracting(v -> v.version()).containsExactly("1");
      assertThat(services.stemcells().list()).extracting(s -> s.version()).containsExactly("1");
      assertThat(services.orphanDisks().list()).isEmpty();
      assertThat(((DummyCpi) services.cpis().defaultCpi()).hasDisk(orphan)).isFalse();
      assertThat(api.jsonObject(api.get("/cleanup/dryrun?remove_all=true")).get("releases")).isEqualTo(List.of());

      // Bad input names the field, before any task.
      HttpResponse<String> bad = api.post("/cleanup", "application/json", Json.write(Map.of("config", Map.of("remove_all", "yes"))));
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(api.jsonObject(bad)).containsEntry("description", "field 'config.remove_all' must be true or false");
    }
  }

  private static String orphan(DirectorServices services, Deployment deployment, DummyCpi cpi) throws Exception {
    Instance db = services.instances().create(deployment.id(), "db", 0, "5e1f", "z1", "started", true);
    String cid = cpi.createDisk(1024, Map.of(), null);
    PersistentDisk disk = services.persistentDisks().create(db.id(), cid, 1024, Map.of(), true, "dummy");
    services.orphanDisks().orphan(disk, deployment.name(), db);
    return cid;
  }
}
