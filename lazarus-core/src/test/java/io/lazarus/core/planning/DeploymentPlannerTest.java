package io.lazarus.core.planning;

import static io.lazarus.core.planning.Fixtures.MANIFEST;
import static io.lazarus.core.planning.Fixtures.planned;
import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.core.manifest.Lifecycle;
import io.lazarus.core.manifest.WatchTime;
import io.lazarus.core.network.Ipv4Address;
import io.lazarus.core.network.Ipv4Cidr;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeploymentPlannerTest {

  @Test
  void plansTheDemoDeploymentEndToEnd() {
    DeploymentPlan plan = planned(MANIFEST, ExistingState.NONE);

    assertThat(plan.name()).isEqualTo("demo");
    assertThat(plan.releases()).containsExactly(new ResolvedRelease("demo", "1.0"));
    assertThat(plan.stemcells()).containsExactly(new ResolvedStemcell("default", "bosh-local-ubuntu-jammy", "ubuntu-jammy", "1.10"));
    assertThat(plan.instancesToDelete()).isEmpty();

    PlannedInstanceGroup web = plan.instanceGroup("web").orElseThrow();
    assertThat(web.lifecycle()).isEqualTo(Lifecycle.SERVICE);
    assertThat(web.vmCloudProperties()).isEqualTo(Map.of("cpu", 1, "ram", 512));
    assertThat(web.persistentDisk()).isEmpty();
    assertThat(web.update()).isEqualTo(new ResolvedUpdate(1, 2, new WatchTime(1000, 30000), new WatchTime(1000, 30000), true, "delete-create"));
    assertThat(web.instances()).extracting(i -> i.id().toString()).containsExactly("web/0", "web/1", "web/2");
    assertThat(web.instances()).extracting(PlannedInstance::az).containsOnly(Optional.of("z1"));
    assertThat(web.instances()).extracting(PlannedInstance::bootstrap).containsExactly(true, false, false);
    assertThat(web.instances()).extracting(i -> i.networks().get(0).ip().orElseThrow().toString()).containsExactly("127.10.0.31", "127.10.0.32", "127.10.0.33");
    assertThat(web.instances().get(0).azCloudProperties()).isEqualTo(Map.of("zone", "local-1"));
    assertThat(web.instances().get(0).networks().get(0)).isEqualTo(new InstanceNetwork("default", "manual", Optional.of(Ipv4Address.parse("127.10.0.31")), false,
        Optional.of(Ipv4Cidr.parse("127.10.0.0/24")), Optional.of(Ipv4Address.parse("127.10.0.1")), List.of("127.0.0.53"), List.of("dns", "gateway"), Map.of("bridge", "lz0")));

    PlannedJob webJob = web.jobs().get(0);
    assertThat(webJob.releaseVersion()).isEqualTo("1.0");
    assertThat(webJob.templates()).containsExactly("bin/web", "config/web.yml");
    // job level (port) > instance group level (greeting) > top level (log_level) > spec default; tls.certificate has none: nil
    Map<String, Object> tls = new HashMap<>();
    tls.put("certificate", null);
    assertThat(webJob.properties()).isEqualTo(Map.of("port", 8081, "log_level", "warn", "greeting", "hello", "tls", tls));
    assertThat(webJob.provides()).containsExactly(new LinkSource("web", "web", "http", "http", false, Map.of("port", 8081)));
    LinkSource counterLink = new LinkSource("counter", "counter", "counter", "counter", false, Map.of("counter", Map.of("port", 9000)));
    assertThat(webJob.consumes()).containsExactly(
        new LinkBinding.Bound("counter", "counter", counterLink, Optional.empty(), Optional.empty()),
        new LinkBinding.Unconnected("cache", "redis", "optional, and no job in the deployment provides type 'redis'"));

    PlannedInstanceGroup counter = plan.instanceGroup("counter").orElseThrow();
    assertThat(counter.update().maxInFlight()).isEqualTo(1);
    assertThat(counter.persistentDisk()).contains(new PlannedDisk(1024, Optional.empty(), Map.of()));
    assertThat(counter.instances()).hasSize(1);
    InstanceNetwork counterNetwork = counter.instances().get(0).networks().get(0);
    assertThat(counterNetwork.ip()).contains(Ipv4Address.parse("127.10.0.10"));
    assertThat(counterNetwork.staticIp()).isTrue();
    assertThat(counter.jobs().get(0).properties()).isEqualTo(Map.of("counter", Map.of("port", 9000, "persist", true)));
    assertThat(counter.stemcell().version()).isEqualTo("1.10");
  }

  @Test
  void thePlanIsTheSameEveryTime() {
    assertThat(planned(MANIFEST, ExistingState.NONE)).isEqualTo(planned(MANIFEST, ExistingState.NONE));
  }

  @Test
  void redeployingKeepsEveryInstanceOnItsAddress() {
    ExistingState existing = new ExistingState(Map.of(
        new InstanceId("web", 0), Map.of("default", ip("127.10.0.40")),
        new InstanceId("web", 1), Map.of("default", ip("127.10.0.31")),
        new InstanceId("web", 2), Map.of("default", ip("127.10.0.50")),
        new InstanceId("counter", 0), Map.of("default", ip("127.10.0.10"))), java.util.Set.of());
    DeploymentPlan plan = planned(MANIFEST, existing);
    assertThat(ips(plan, "web")).containsExactly("127.10.0.40", "127.10.0.31", "127.10.0.50");
  }

  @Test
  void scalingUpKeepsExistingAddressesAndFillsTheLowestGaps() {
    ExistingState existing = new ExistingState(Map.of(new InstanceId("web", 0), Map.of("default", ip("127.10.0.32"))), java.util.Set.of(ip("127.10.0.31")));
    assertThat(ips(planned(MANIFEST, existing), "web")).containsExactly("127.10.0.32", "127.10.0.33", "127.10.0.34");
  }

  @Test
  void scalingDownDeletesTheHighestIndexesAndHoldsTheirAddressesBack() {
    ExistingState existing = new ExistingState(Map.of(
        new InstanceId("web", 0), Map.of("default", ip("127.10.0.31")),
        new InstanceId("web", 1), Map.of("default", ip("127.10.0.32")),
        new InstanceId("web", 2), Map.of("default", ip("127.10.0.33")),
        new InstanceId("old", 0), Map.of("default", ip("127.10.0.34"))), java.util.Set.of());
    String manifest = MANIFEST.replace("  instances: 3", "  instances: 2") + """
        - name: api
          <<: *common
          instances: 1
          networks: [{name: default}]
          jobs: []
        """;
    DeploymentPlan plan = planned(manifest, existing);
    assertThat(plan.instancesToDelete()).extracting(InstanceId::toString).containsExactly("old/0", "web/2");
    assertThat(ips(plan, "web")).containsExactly("127.10.0.31", "127.10.0.32");
    assertThat(ips(plan, "api")).containsExactly("127.10.0.35");
  }

  @Test
  void anAddressGivenUpByAnInstanceThatChangedNetworksIsNotReusedInTheSameDeploy() {
    ExistingState existing = new ExistingState(Map.of(new InstanceId("web", 0), Map.of("legacy", ip("127.10.0.31"))), java.util.Set.of());
    assertThat(ips(planned(MANIFEST, existing), "web")).containsExactly("127.10.0.32", "127.10.0.33", "127.10.0.34");
  }

  @Test
  void addressesThatBecameInvalidAreReplaced() {
    // 127.10.0.20 is now inside the static range, so web/0 cannot keep it
    ExistingState existing = new ExistingState(Map.of(new InstanceId("web", 0), Map.of("default", ip("127.10.0.20"))), java.util.Set.of());
    assertThat(ips(planned(MANIFEST, existing), "web")).containsExactly("127.10.0.31", "127.10.0.32", "127.10.0.33");
  }

  @Test
  void instanceGroupUpdateOverridesTheTopLevelBlock() {
    String manifest = MANIFEST.replace("  properties: {greeting: hello}\n", "  properties: {greeting: hello}\n  update: {canaries: 100%, max_in_flight: 1, serial: false, vm_strategy: create-swap-delete}\n");
    ResolvedUpdate update = planned(manifest, ExistingState.NONE).instanceGroup("web").orElseThrow().update();
    assertThat(update).isEqualTo(new ResolvedUpdate(3, 1, new WatchTime(1000, 30000), new WatchTime(1000, 30000), false, "create-swap-delete"));
  }

  @Test
  void vmExtensionsAndDiskTypesAreResolved() {
    String manifest = MANIFEST.replace("  persistent_disk: 1024\n", "  persistent_disk_type: default\n  vm_extensions: [big-root]\n");
    PlannedInstanceGroup counter = planned(manifest, ExistingState.NONE).instanceGroup("counter").orElseThrow();
    assertThat(counter.persistentDisk()).contains(new PlannedDisk(2048, Optional.of("default"), Map.of("type", "ssd")));
    assertThat(counter.vmCloudProperties()).isEqualTo(Map.of("cpu", 1, "ram", 512, "root_disk", Map.of("size", 10240)));
  }

  @Test
  void vipAddressesComeFromStaticIps() {
    String manifest = MANIFEST.replace("  - name: default\n    static_ips: [127.10.0.10]\n",
        "  - name: default\n    static_ips: [127.10.0.10]\n  - name: public\n    static_ips: [203.0.113.7]\n");
    List<InstanceNetwork> networks = planned(manifest, ExistingState.NONE).instanceGroup("counter").orElseThrow().instances().get(0).networks();
    assertThat(networks.get(0).defaults()).containsExactly("dns", "gateway");
    assertThat(networks.get(1).type()).isEqualTo("vip");
    assertThat(networks.get(1).ip()).contains(ip("203.0.113.7"));
    assertThat(networks.get(1).defaults()).isEmpty();
  }

  @Test
  void pinnedVersionsAreUsedAsWritten() {
    String manifest = MANIFEST.replace("{name: demo, version: latest}", "{name: demo, version: \"1.0\"}").replace("os: ubuntu-jammy, version: latest", "os: ubuntu-jammy, version: \"1.9\"");
    DeploymentPlan plan = planned(manifest, ExistingState.NONE);
    assertThat(plan.releases()).containsExactly(new ResolvedRelease("demo", "1.0"));
    assertThat(plan.stemcells().get(0).version()).isEqualTo("1.9");
  }

  private static Ipv4Address ip(String text) {
    return Ipv4Address.parse(text);
  }

  private static List<String> ips(DeploymentPlan plan, String group) {
    return plan.instanceGroup(group).orElseThrow().instances().stream().map(i -> i.networks().get(0).ip().orElseThrow().toString()).toList();
  }
}
