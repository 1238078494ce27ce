package io.lazarus.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.core.network.Ipv4Address;
import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.core.yaml.YamlException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeploymentManifestTest {
  static final String DEMO =
      """
      name: demo
      releases:
      - {name: demo, version: latest}
      - name: bpm
        version: 1.2.3
        url: https://example.com/bpm-1.2.3.tgz
        sha1: 2cba12d4f47f8a2d69ca0d1a9c14e86dc3ad0d87
      stemcells:
      - {alias: default, os: ubuntu-jammy, version: latest}
      update:
        canaries: 1
        max_in_flight: 25%
        canary_watch_time: 1000-30000
        update_watch_time: 5000
      instance_groups:
      - name: web
        azs: [z1]
        instances: 3
        vm_type: default
        stemcell: default
        networks: [{name: default}]
        jobs:
        - name: web
          release: demo
          properties:
            port: 8080
      - name: counter
        azs: [z1]
        instances: 1
        vm_type: default
        stemcell: default
        persistent_disk: 1024
        networks:
        - name: default
          static_ips: [127.10.0.10]
        jobs:
        - {name: counter, release: demo}
      """;

  static DeploymentManifest parse(String text) {
    return DeploymentManifest.parse(YamlDocument.parse("manifest.yml", text));
  }

  static void assertFails(String text, String message) {
    assertThatThrownBy(() -> parse(text)).isInstanceOf(YamlException.class).hasMessage(message);
  }

  @Test
  void readsTheDemoManifest() {
    DeploymentManifest manifest = parse(DEMO);
    assertThat(manifest.name()).isEqualTo("demo");
    assertThat(manifest.release("demo").orElseThrow().isLatest()).isTrue();
    assertThat(manifest.release("bpm").orElseThrow()).isEqualTo(new ReleaseRef("bpm", "1.2.3", Optional.of("https://example.com/bpm-1.2.3.tgz"), Optional.of("2cba12d4f47f8a2d69ca0d1a9c14e86dc3ad0d87")));
    assertThat(manifest.stemcell("default").orElseThrow().selector()).isEqualTo("os 'ubuntu-jammy'");
    assertThat(manifest.update().canaries()).contains(CountOrPercent.count(1));
    assertThat(manifest.update().maxInFlight()).contains(CountOrPercent.percent(25));
    assertThat(manifest.update().canaryWatchTime()).contains(new WatchTime(1000, 30000));
    assertThat(manifest.update().updateWatchTime()).contains(new WatchTime(5000, 5000));
    assertThat(manifest.update().serial()).isEmpty();
    InstanceGroup web = manifest.instanceGroup("web").orElseThrow();
    assertThat(web.instances()).isEqualTo(3);
    assertThat(web.lifecycle()).isEqualTo(Lifecycle.SERVICE);
    assertThat(web.jobs().get(0).properties()).isEqualTo(Map.of("port", 8080));
    assertThat(web.path()).isEqualTo("instance_groups[0]");
    InstanceGroup counter = manifest.instanceGroup("counter").orElseThrow();
    assertThat(counter.persistentDiskMb()).contains(1024L);
    assertThat(counter.networks().get(0).staticIps()).containsExactly(new StaticIp(Ipv4Address.parse("127.10.0.10"), "instance_groups[1].networks[0].static_ips[0]"));
  }

  @Test
  void readsAnchorsMergesLinksAndOverrides() {
    DeploymentManifest manifest = parse(
        """
        name: zookeeper
        releases: [{name: zookeeper, version: "0.0.10"}]
        stemcells: [{alias: default, name: bosh-warden-boshlite-ubuntu-jammy-go_agent, version: "1.351"}]
        update: &update {canaries: 2, max_in_flight: 1, canary_watch_time: 5000-60000, update_watch_time: 5000-60000, serial: false}
        properties:
          shared: {log_level: info}
        instance_groups:
        - &group
          name: zookeeper
          azs: [z1, z2, z3]
          vm_type: default
          stemcell: default
          networks: [{name: default}]
          instances: 5
          persistent_disk_type: ten
          update: {max_in_flight: 50%}
          jobs:
          - name: zookeeper
            release: zookeeper
            provides: {conn: {as: zk, shared: true}}
            consumes: {peers: {from: zk-peers}, metrics: nil}
            custom_provider_definitions: [{name: alias, type: address}]
        - <<: *group
          name: smoke-tests
          instances: 1
          persistent_disk_type: null
          update: null
          lifecycle: errand
          env: {bosh: {keep_root_password: true}}
          migrated_from: [{name: old-smoke, az: z1}]
          properties: {timeout: 60}
          jobs:
          - name: smoke-tests
            release: zookeeper
            consumes:
              conn: {deployment: other, network: default, ip_addresses: true}
        variables:
        - {name: zk_password, type: password}
        tags: {team: data}
        features: {use_dns_addresses: true}
        """);
    InstanceGroup zk = manifest.instanceGroups().get(0);
    assertThat(zk.azs()).containsExactly("z1", "z2", "z3");
    assertThat(zk.persistentDiskType()).contains("ten");
    assertThat(zk.update().orElseThrow().maxInFlight()).contains(CountOrPercent.percent(50));
    ManifestJob job = zk.jobs().get(0);
    assertThat(job.provides().get("conn")).isEqualTo(new LinkProvision("conn", false, Optional.of("zk"), true, "instance_groups[0].jobs[0].provides.conn"));
    assertThat(job.consumes().get("peers").from()).contains("zk-peers");
    assertThat(job.consumes().get("metrics").blocked()).isTrue();
    assertThat(job.customProviderDefinitions()).containsExactly(new CustomProviderDefinition("alias", "address", List.of()));
    InstanceGroup smoke = manifest.instanceGroups().get(1);
    assertThat(smoke.lifecycle()).isEqualTo(Lifecycle.ERRAND);
    assertThat(smoke.azs()).containsExactly("z1", "z2", "z3");
    assertThat(smoke.persistentDiskType()).isEmpty();
    assertThat(smoke.update()).isEmpty();
    assertThat(smoke.migratedFrom()).containsExactly(new MigratedFrom("old-smoke", Optional.of("z1")));
    assertThat(smoke.jobs().get(0).consumes().get("conn").deployment()).contains("other");
    assertThat(manifest.stemcells().get(0).selector()).isEqualTo("name 'bosh-warden-boshlite-ubuntu-jammy-go_agent'");
    assertThat(manifest.variables()).containsExactly(Map.of("name", "zk_password", "type", "password"));
    assertThat(manifest.tags()).isEqualTo(Map.of("team", "data"));
    assertThat(manifest.update().serial()).contains(false);
  }

  @Test
  void unknownKeysAreNamedWithTheirLine() {
    assertFails(DEMO.replace("  vm_type: default\n  stemcell: default\n  networks: [{name: default}]", "  vm_typ: default\n  stemcell: default\n  networks: [{name: default}]"),
        "manifest.yml: line 19: 'instance_groups[0].vm_typ': unknown field 'vm_typ' (allowed: azs, env, instances, jobs, lifecycle, migrated_from, name, networks, "
            + "persistent_disk, persistent_disk_type, properties, stemcell, update, vm_extensions, vm_type)");
    assertFails(DEMO.replace("  - name: web\n    release: demo", "  - name: web\n    templates: x\n    release: demo"),
        "manifest.yml: line 24: 'instance_groups[0].jobs[0].templates': unknown field 'templates' (allowed: consumes, custom_provider_definitions, name, properties, provides, release)");
    assertFails(DEMO + "addons: []\n", "manifest.yml: line 38: 'addons': deployment-level 'addons' are not supported by this director; use a runtime-config");
    assertFails(DEMO.replace("  jobs:\n  - name: web", "  templates:\n  - name: web"),
        "manifest.yml: line 22: 'instance_groups[0].templates': 'templates' is the old name of 'jobs'; rename it");
  }

  @Test
  void instanceGroupNamesMustBeValidAndUnique() {
    assertFails(DEMO.replace("- name: counter", "- name: web"),
        "manifest.yml: line 27: 'instance_groups[1].name': 'web' is already used at instance_groups[0]; each name in 'instance_groups' must be unique");
    assertFails(DEMO.replace("- name: counter", "- name: count/er"),
        "manifest.yml: line 27: 'instance_groups[1].name': 'count/er' is not a valid name: use letters, digits, '-' and '_', starting with a letter or digit");
    assertFails(DEMO.replace("name: demo\n", "name: \"\"\n"), "manifest.yml: line 1: 'name': must not be empty");
  }

  @Test
  void persistentDiskIsASizeOrATypeNotBoth() {
    assertFails(DEMO.replace("  persistent_disk: 1024\n", "  persistent_disk: 1024\n  persistent_disk_type: default\n"),
        "manifest.yml: line 33: 'instance_groups[1].persistent_disk_type': give either 'persistent_disk' (a size in MB) or 'persistent_disk_type', not both");
    assertFails(DEMO.replace("persistent_disk: 1024", "persistent_disk: -1"), "manifest.yml: line 32: 'instance_groups[1].persistent_disk': must be a size in MB (0 for no disk), got -1");
    assertThat(parse(DEMO.replace("persistent_disk: 1024", "persistent_disk: 0")).instanceGroups().get(1).persistentDiskMb()).isEmpty();
  }

  @Test
  void instancesMustNotBeNegative() {
    assertFails(DEMO.replace("instances: 3", "instances: -1"), "manifest.yml: line 18: 'instance_groups[0].instances': must be between 0 and 10000, got -1");
    assertFails(DEMO.replace("instances: 3", "instances: three"), "manifest.yml: line 18: 'instance_groups[0].instances': expected an integer, got a string");
  }

  @Test
  void referencesInsideTheManifestAreChecked() {
    assertFails(DEMO.replace("  - {name: counter, release: demo}", "  - {name: counter, release: dmeo}"),
        "manifest.yml: line 37: 'instance_groups[1].jobs[0].release': release 'dmeo' is not listed under 'releases' (listed: demo, bpm)");
    assertFails(DEMO.replace("  stemcell: default\n  networks: [{name: default}]", "  stemcell: jammy\n  networks: [{name: default}]"),
        "manifest.yml: line 20: 'instance_groups[0].stemcell': no stemcell has alias 'jammy' under 'stemcells' (listed: default)");
    assertFails(DEMO.replace("os: ubuntu-jammy, version", "os: ubuntu-jammy, name: x, version"), "manifest.yml: line 9: 'stemcells[0]': give exactly one of 'os' and 'name' to choose the stemcell");
  }

  @Test
  void updateBlockIsRequiredAndChecked() {
    assertFails(DEMO.replace("  canaries: 1\n", ""), "manifest.yml: line 10: 'update': missing required field 'canaries'");
    assertFails(DEMO.replace("max_in_flight: 25%", "max_in_flight: 0"), "manifest.yml: line 12: 'update.max_in_flight': must be at least 1 (or 1%): with 0 no instance would ever be updated");
    assertFails(DEMO.replace("max_in_flight: 25%", "max_in_flight: 125%"),
        "manifest.yml: line 12: 'update.max_in_flight': must be a number of instances (0 or more) or a percentage from 0% to 100%, got 125%");
    assertFails(DEMO.replace("max_in_flight: 25%", "max_in_flight: lots"), "manifest.yml: line 12: 'update.max_in_flight': expected a number of instances or a percentage such as '25%', got 'lots'");
    assertFails(DEMO.replace("canary_watch_time: 1000-30000", "canary_watch_time: 30000-1000"),
        "manifest.yml: line 13: 'update.canary_watch_time': expected milliseconds or a range 'min-max' with min <= max, got 30000-1000");
    assertFails(DEMO.replace("update_watch_time: 5000", "update_watch_time: 5s"), "manifest.yml: line 14: 'update.update_watch_time': expected milliseconds or a range such as '1000-30000', got '5s'");
    assertFails(DEMO.replace("update:\n", "updates:\n"), "manifest.yml: line 10: 'updates': unknown field 'updates' (allowed: director_uuid, features, instance_groups, name, properties, releases, stemcells, tags, update, variables)");
  }

  @Test
  void staticIpsAcceptRangesAndRefuseGarbage() {
    DeploymentManifest manifest = parse(DEMO.replace("static_ips: [127.10.0.10]", "static_ips: [127.10.0.10 - 127.10.0.12, 127.10.0.20]"));
    assertThat(manifest.instanceGroups().get(1).networks().get(0).staticIps()).extracting(s -> s.address().toString())
        .containsExactly("127.10.0.10", "127.10.0.11", "127.10.0.12", "127.10.0.20");
    assertFails(DEMO.replace("static_ips: [127.10.0.10]", "static_ips: [127.10.0.10, 127.10.0.300]"),
        "manifest.yml: line 35: 'instance_groups[1].networks[0].static_ips[1]': '127.10.0.300' is not an IPv4 address");
  }

  @Test
  void linksAcceptOnlyBoshKeys() {
    assertFails(DEMO.replace("      port: 8080\n", "      port: 8080\n    consumes: {db: {form: primary}}\n"),
        "manifest.yml: line 27: 'instance_groups[0].jobs[0].consumes.db.form': unknown field 'form' (allowed: deployment, from, ip_addresses, network)");
  }

  @Test
  void topLevelExtensionKeysHoldAnchorsAndAreIgnored() {
    String withAnchors = DEMO.replace("instance_groups:\n", "x-defaults: &defaults {vm_type: default, stemcell: default}\ninstance_groups:\n");
    assertThat(parse(withAnchors).instanceGroups()).hasSize(2);
    assertFails(DEMO + "networks: []\n", "manifest.yml: line 38: 'networks': 'networks' belong in the cloud-config in manifest v2");
  }

  @Test
  void unquotedVersionsKeepTheDigitsTheyWereWrittenWith() {
    DeploymentManifest manifest = parse(DEMO.replace("version: 1.2.3", "version: 1.10").replace("os: ubuntu-jammy, version: latest", "os: ubuntu-jammy, version: 621.740"));
    assertThat(manifest.release("bpm").orElseThrow().version()).isEqualTo("1.10");
    assertThat(manifest.stemcells().get(0).version()).isEqualTo("621.740");
    assertThat(parse(DEMO.replace("version: 1.2.3", "version: 12")).release("bpm").orElseThrow().version()).isEqualTo("12");
  }
}
