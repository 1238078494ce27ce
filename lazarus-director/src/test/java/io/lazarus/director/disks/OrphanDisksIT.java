package io.lazarus.director.disks;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.core.json.Json;
import io.lazarus.cpi.dummy.DummyCpi;
import io.lazarus.director.Director.DirectorServices;
import io.lazarus.director.deployments.Deployment;
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
 * {@code GET /disks} and {@code DELETE /disks/:cid} as BOSH serves them, on the dummy CPI plus a dummy CPI {@code a}
 * of the cpi config: each orphan is deleted by the CPI that made it, a disk the cloud lost is forgotten anyway, a CPI
 * failure keeps the orphan, an unknown CID succeeds, and an instance's disk is refused. No VMs: the orphans are made
 * through the Director's services.
 */
class OrphanDisksIT {
  @TempDir Path dir;

  @Test
  void orphanedDisksAreListedAndDeletedByTheCpiThatMadeThem() throws Exception {
    try (TestDirector director = TestDirector.start(DatabaseKind.H2, dir, "cpi: {type: dummy}\n")) {
      ApiClient api = director.admin();
      DirectorServices services = director.services();
      assertThat(api.post("/configs", "application/json", Json.write(Map.of("type", "cpi", "name", "default", "content", "cpis: [{name: a, type: dummy}]\n"))).statusCode()).isEqualTo(201);
      DummyCpi own = (DummyCpi) services.cpis().defaultCpi();
      DummyCpi a = (DummyCpi) services.cpis().named("a");
      Deployment deployment = services.deployments().save("shop", "name: shop\n", List.of(), List.of(), List.of());
      Instance db = services.instances().create(deployment.id(), "db", 0, "5e1f", "z1", "started", true);

      String inA = orphan(services, db, a.createDisk(2048, Map.of("type", "ssd"), null), 2048, Map.of("type", "ssd"), "a");
      String lost = orphan(services, db, own.createDisk(1024, Map.of(), null), 1024, Map.of(), "dummy");
      String owned = own.createDisk(512, Map.of(), null);
      services.persistentDisks().create(db.id(), owned, 512, Map.of(), true, "dummy");

      List<Map<String, Object>> listed = api.jsonArray(api.get("/disks"));
      assertThat(listed.getFirst().keySet()).containsExactly("disk_cid", "size", "az", "deployment_name", "instance_name", "cloud_properties", "orphaned_at");
      assertThat(listed.getFirst()).containsEntry("disk_cid", inA).containsEntry("size", 2048).containsEntry("az", "z1").containsEntry("deployment_name", "shop")
          .containsEntry("instance_name", "db/5e1f").containsEntry("cloud_properties", Map.of("type", "ssd"));
      assertThat((String) listed.getFirst().get("orphaned_at")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC");
      assertThat(listed).extracting(d -> d.get("disk_cid")).containsExactly(inA, lost);
      assertThat(api.get("/disks?orphaned=true").body()).isEqualTo(api.get("/disks").body());

      // An instance's own disk is refused before any task, with BOSH's error.
      HttpResponse<String> refused = api.delete("/disks/" + owned);
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(api.jsonObject(refused)).containsEntry("code", 520000).containsEntry("description", "Deleting persistent disk is not supported: [\"" + owned + "\"]");
      assertThat(api.delete("/disks/" + inA + "?orphan=true").statusCode()).isEqualTo(400);
      assertThat(own.hasDisk(owned)).isTrue();

      // Deleted by CPI a, which made it, and forgotten; a begin and an end event, as BOSH records them.
      Map<String, Object> task = Tasks.done(api, api.delete("/disks/" + inA));
      assertThat(task).containsEntry("description", "delete orphan disks").containsEntry("result", "orphaned disk(s) " + inA + " deleted");
      assertThat(Tasks.eventLog(api, task)).contains("\"stage\":\"Deleting orphaned disks\"").contains("\"task\":\"Deleting orphaned disk " + inA + "\"");
      assertThat(a.hasDisk(inA)).isFalse();
      assertThat(api.jsonArray(api.get("/disks"))).extracting(d -> d.get("disk_cid")).containsExactly(lost);
      List<Map<String, Object>> events = api.jsonArray(api.get("/events?object_type=disk"));
      assertThat(events).hasSize(2).allSatisfy(event -> assertThat(event)
          .containsEntry("action", "delete").containsEntry("object_name", inA).containsEntry("deployment", "shop").containsEntry("instance", "db/5e1f")
          .containsEntry("task", String.valueOf(task.get("id"))));
      assertThat(events.getFirst()).containsEntry("parent_id", events.getLast().get("id")).doesNotContainKey("error");

      // A CPI failure fails the task and keeps the orphan; once the cloud has lost the disk, deleting forgets it.
      own.failNext("delete_disk");
      assertThat(Tasks.failed(api, api.delete("/disks/" + lost))).contains("injected failure of delete_disk");
      assertThat(services.orphanDisks().find(lost)).isPresent();
      own.loseDisk(lost);
      Tasks.done(api, api.delete("/disks/" + lost));
      assertThat(api.jsonArray(api.get("/disks"))).isEmpty();
      assertThat(api.jsonArray(api.get("/events?object_type=disk")).getFirst()).containsEntry("object_name", lost).containsEntry("error", "Disk '" + lost + "' not found");

      // An unknown CID is no error, as in BOSH; an orphan of a CPI no longer configured is kept, and the error says why.
      assertThat(Tasks.done(api, api.delete("/disks/disk-unknown"))).containsEntry("result", "orphaned disk(s) disk-unknown deleted");
      String stranded = orphan(services, db, "disk-stranded", 10, Map.of(), "gone");
      assertThat(Tasks.failed(api, api.delete("/disks/" + stranded)))
          .isEqualTo("Disk 'disk-stranded' was made by CPI 'gone', which is no longer configured (the Director's own CPI is 'dummy', the cpi config has a)");
      assertThat(services.orphanDisks().find(stranded)).isPresent();
    }
  }

  /** Orphans a disk as deleting {@code instance} would, remembering {@code cpi} made it. */
  private static String orphan(DirectorServices services, Instance instance, String cid, int sizeMb, Map<String, Object> cloudProperties, String cpi) {
    PersistentDisk disk = services.persistentDisks().create(instance.id(), cid, sizeMb, cloudProperties, true, cpi);
    services.orphanDisks().orphan(disk, "shop", instance);
    return cid;
  }
}
