package io.lazarus.director.cloudcheck;

import io.lazarus.core.json.Json;
import io.lazarus.cpi.dummy.DummyCpi;
import io.lazarus.cpi.dummy.SimulatedAgent;
import io.lazarus.director.fixtures.ReleaseTarball;
import io.lazarus.director.fixtures.StemcellTarball;
import io.lazarus.director.fixtures.Tasks;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.PersistentDisk;
import io.lazarus.director.instances.Vm;
import io.lazarus.director.testing.ApiClient;
import io.lazarus.director.testing.TestDirector;
import io.lazarus.testing.DatabaseKind;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real Director on the dummy CPI with deployment {@code cc}: {@code web} (2 instances, no disk) and {@code db} (1
 * instance with a persistent disk), not serial (cloud check resolves both groups together), every VM a simulated
 * agent on 127.89.0.0/16. IMPORTANT: close it.
 */
final class DummyDeployment implements AutoCloseable {
  static final String NAME = "cc";

  private static final String CLOUD_CONFIG = """
      azs: [{name: z1}]
      vm_types: [{name: default}]
      networks:
      - name: default
        type: manual
        subnets:
        - {range: 127.89.0.0/16, gateway: 127.89.0.1, reserved: [127.89.0.2 - 127.89.0.9], az: z1}
      compilation: {workers: 2, network: default, az: z1, reuse_compilation_vms: true, vm_type: default}
      """;

  private static final String MANIFEST = """
      name: cc
      releases: [{name: demo, version: latest}]
      stemcells: [{alias: default, os: ubuntu-jammy, version: latest}]
      update: {canaries: 1, max_in_flight: 2, canary_watch_time: 10-5000, update_watch_time: 10-5000, serial: false}
      instance_groups:
      - name: web
        instances: 2
        azs: [z1]
        vm_type: default
        stemcell: default
        networks: [{name: default}]
        jobs: [{name: web, release: demo, properties: {port: 8080}}]
      - name: db
        instances: 1
        azs: [z1]
        vm_type: default
        stemcell: default
        persistent_disk: 1024
        networks: [{name: default}]
        jobs: [{name: web, release: demo, properties: {port: 5432}}]
      """;

  private final TestDirector director;

  private DummyDeployment(TestDirector director) {
    this.director = director;
  }

  static DummyDeployment start(Path dir) throws Exception {
    return start(dir, "");
  }

  static DummyDeployment start(Path dir, String extraYaml) throws Exception {
    TestDirector director = TestDirector.start(DatabaseKind.H2, dir, "cpi: {type: dummy}\n" + extraYaml);
    try {
      ApiClient api = director.admin();
      Tasks.done(api, api.postFile("/stemcells", "application/x-compressed", StemcellTarball.of("ubuntu-jammy-stemcell", "1").writeTo(dir.resolve("stemcell.tgz"))));
      Tasks.done(api, api.postFile("/releases", "application/x-compressed", ReleaseTarball.demo("demo", "1").writeTo(dir.resolve("release.tgz"))));
      api.post("/configs", "application/json", Json.write(Map.of("type", "cloud", "name", "default", "content", CLOUD_CONFIG)));
      Tasks.done(api, api.post("/deployments", "text/yaml", MANIFEST));
      return new DummyDeployment(director);
    } catch (Exception | AssertionError e) {
      director.close();
      throw e;
    }
  }

  TestDirector director() {
    return director;
  }

  ApiClient api() {
    return director.admin();
  }

  DummyCpi cpi() {
    return (DummyCpi) director.services().cpi();
  }

  Instance instance(String group, int index) {
    long deployment = director.services().deployments().find(NAME).orElseThrow().id();
    return director.services().instances().find(deployment, group, Integer.toString(index)).orElseThrow();
  }

  Vm vm(String group, int index) {
    return director.services().vms().activeFor(instance(group, index).id()).orElseThrow();
  }

  /** The instance's active persistent disk. */
  PersistentDisk disk(String group, int index) {
    return cloudCheck().disks().forInstance(instance(group, index).id()).stream().filter(PersistentDisk::active).findFirst().orElseThrow();
  }

  CloudCheckServices cloudCheck() {
    return director.services().cloudCheck();
  }

  SimulatedAgent agent(String group, int index) {
    return cpi().agentFor(vm(group, index).cid());
  }

  /** Deletes the VM in the cloud behind the Director's back. */
  void loseVm(String group, int index) throws Exception {
    cpi().deleteVm(vm(group, index).cid());
  }

  @Override
  public void close() {
    director.close();
  }
}
