package io.lazarus.director.cpis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.core.json.Json;
import io.lazarus.cpi.dummy.DummyCpi;
import io.lazarus.director.fixtures.ReleaseTarball;
import io.lazarus.director.fixtures.StemcellTarball;
import io.lazarus.director.fixtures.Tasks;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.OrphanDisks;
import io.lazarus.director.instances.PersistentDisk;
import io.lazarus.director.instances.Vm;
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
 * A Director on the dummy CPI with a cpi config of two more dummy CPIs, {@code a} and {@code b}, and a cloud-config
 * whose AZs name one each: the stemcell is created in every CPI, each instance's VM is made (and later deleted) by
 * its AZ's CPI, with its persistent disk, cloud check asks that CPI, and a bad cpi config or an AZ naming an unknown CPI is refused before
 * anything is stored or made. Simulated agents on 127.93.0.0/16.
 */
class MultiCpiIT {
  private static final String JSON = "application/json";
  private static final String CPI_CONFIG = "cpis:\n- {name: a, type: dummy}\n- {name: b, type: dummy}\n";
  private static final String CLOUD_CONFIG = """
      azs:
      - {name: z1, cpi: a}
      - {name: z2, cpi: %s}
      vm_types: [{name: default}]
      networks:
      - name: default
        type: manual
        subnets:
        - {range: 127.93.1.0/24, gateway: 127.93.1.1, reserved: [127.93.1.2 - 127.93.1.9], az: z1}
        - {range: 127.93.2.0/24, gateway: 127.93.2.1, reserved: [127.93.2.2 - 127.93.2.9], az: z2}
      compilation: {workers: 1, network: default, az: z1, reuse_compilation_vms: true, vm_type: default}
      """;
  private static final String MANIFEST = """
      name: multi
      releases: [{name: demo, version: latest}]
      stemcells: [{alias: default, os: ubuntu-jammy, version: latest}]
      update: {canaries: 1, max_in_flight: 2, canary_watch_time: 10-5000, update_watch_time: 10-5000}
      instance_groups:
      - name: web
        instances: 2
        azs: [z1, z2]
        vm_type: default
        stemcell: default
        persistent_disk: 1024
        networks: [{name: default}]
        jobs: [{name: web, release: demo, properties: {port: 8080}}]
      """;

  @TempDir Path dir;

  @Test
  void eachAzsVmsLiveInTheCpiItNamesFromDeployThroughCloudCheckToDelete() throws Exception {
    try (TestDirector director = TestDirector.start(DatabaseKind.H2, dir, "cpi: {type: dummy}\n")) {
      ApiClient api = director.admin();
      Cpis cpis = director.services().cpis();

      HttpResponse<String> bad = api.post("/configs", JSON, Json.write(Map.of("type", "cpi", "name", "default", "content", "cpis:\n- {name: a, type: dummy}\n- {name: b, type: cloudy}\n")));
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("'cpis[1].type': cpi 'b': type must be 'local', 'dummy' or 'external', got 'cloudy'");
      assertThat(api.jsonArray(api.get("/configs?type=cpi"))).isEmpty();
      assertThat(api.post("/configs", JSON, Json.write(Map.of("type", "cpi", "name", "default", "content", CPI_CONFIG))).statusCode()).isEqualTo(201);

      Tasks.done(api, api.postFile("/stemcells", "application/x-compressed", StemcellTarball.of("ubuntu-jammy-stemcell", "1").writeTo(dir.resolve("stemcell.tgz"))));
      List<Map<String, Object>> stemcells = api.jsonArray(api.get("/stemcells"));
      assertThat(stemcells).extracting(s -> s.get("cpi")).containsExactlyInAnyOrder("dummy", "a", "b");
      for (Map<String, Object> stemcell : stemcells) {
        assertThat(dummy(cpis, (String) stemcell.get("cpi")).stemcellCids()).containsExactly((String) stemcell.get("cid"));
      }
      Tasks.done(api, api.postFile("/releases", "application/x-compressed", ReleaseTarball.demo("demo", "1").writeTo(dir.resolve("release.tgz"))));

      // An AZ naming a CPI nobody configured fails the deploy while planning: no VM anywhere.
      api.post("/configs", JSON, Json.write(Map.of("type", "cloud", "name", "default", "content", CLOUD_CONFIG.formatted("c"))));
      assertThat(Tasks.failed(api, api.post("/deployments", "text/yaml", MANIFEST)))
          .contains("instance group 'web': az 'z2' names cpi 'c', which is not configured (the cpi config has a, b)");
      assertThat(dummy(cpis, "a").vmCids()).isEmpty();
      assertThat(dummy(cpis, "b").vmCids()).isEmpty();

      api.post("/configs", JSON, Json.write(Map.of("type", "cloud", "name", "default", "content", CLOUD_CONFIG.formatted("b"))));
      Tasks.done(api, api.post("/deployments", "text/yaml", MANIFEST));
      Vm inA = vm(director, "web", 0);
      Vm inB = vm(director, "web", 1);
      assertThat(inA.cpi()).isEqualTo("a");
      assertThat(inB.cpi()).isEqualTo("b");
      assertThat(dummy(cpis, "a").vmCids()).containsExactly(inA.cid()); // the compilation VM (z1) is gone again
      assertThat(dummy(cpis, "b").vmCids()).containsExactly(inB.cid());
      assertThat(((DummyCpi) cpis.defaultCpi()).vmCids()).isEmpty();
      assertThat(disk(director, "web", 0).cpi()).isEqualTo("a");
      assertThat(disk(director, "web", 1).cpi()).isEqualTo("b");

      // Cloud check asks each VM's and disk's own CPI: a silent agent in b is unresponsive (b has the VM), not missing,
      // and no disk is missing.
      dummy(cpis, "b").agentFor(inB.cid()).silence();
      Tasks.done(api, api.post("/deployments/multi/scans", JSON, ""));
      List<Map<String, Object>> problems = api.jsonArray(api.get("/deployments/multi/problems"));
      assertThat(problems).singleElement().satisfies(problem -> assertThat(problem).containsEntry("type", "unresponsive_agent"));
      String resolutions = Json.write(Map.of("resolutions", Map.of(String.valueOf(problems.getFirst().get("id")), "recreate_vm")));
      Tasks.done(api, api.put("/deployments/multi/problems", JSON, resolutions));
      Vm recreated = vm(director, "web", 1);
      assertThat(recreated.cpi()).isEqualTo("b");
      assertThat(dummy(cpis, "b").agentFor(recreated.cid()).jobsRunning()).isTrue();
      assertThat(dummy(cpis, "b").vmCids()).containsExactly(recreated.cid());
      assertThat(dummy(cpis, "a").vmCids()).containsExactly(inA.cid());

      // recreate_persistent_disks moves each instance's data to a new disk in its own CPI and orphans the old one.
      String diskInA = disk(director, "web", 0).cid();
      String diskInB = disk(director, "web", 1).cid();
      Tasks.done(api, api.post("/deployments?recreate_persistent_disks=true", "text/yaml", MANIFEST));
      assertThat(disk(director, "web", 0).cid()).isNotEqualTo(diskInA);
      assertThat(disk(director, "web", 0).cpi()).isEqualTo("a");
      assertThat(disk(director, "web", 1).cid()).isNotEqualTo(diskInB);
      assertThat(disk(director, "web", 1).cpi()).isEqualTo("b");
      assertThat(director.services().orphanDisks().list()).extracting(OrphanDisks.OrphanDisk::cid).contains(diskInA, diskInB);

      Tasks.done(api, api.delete("/deployments/multi"));
      assertThat(dummy(cpis, "a").vmCids()).isEmpty();
      assertThat(dummy(cpis, "b").vmCids()).isEmpty();

      Tasks.done(api, api.delete("/stemcells/ubuntu-jammy-stemcell/1"));
      assertThat(api.jsonArray(api.get("/stemcells"))).isEmpty();
      for (String cpi : List.of("dummy", "a", "b")) {
        assertThat(dummy(cpis, cpi).stemcellCids()).as("stemcells left in CPI %s", cpi).isEmpty();
      }
    }
  }

  private static DummyCpi dummy(Cpis cpis, String name) throws Exception {
    return (DummyCpi) cpis.named(name);
  }

  private static Instance instance(TestDirector director, String group, int index) {
    long deployment = director.services().deployments().find("multi").orElseThrow().id();
    return director.services().instances().find(deployment, group, Integer.toString(index)).orElseThrow();
  }

  private static Vm vm(TestDirector director, String group, int index) {
    return director.services().vms().activeFor(instance(director, group, index).id()).orElseThrow();
  }

  private static PersistentDisk disk(TestDirector director, String group, int index) {
    return director.services().persistentDisks().forInstance(instance(director, group, index).id()).getFirst();
  }
}
