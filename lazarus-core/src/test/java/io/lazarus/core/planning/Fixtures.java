package io.lazarus.core.planning;

import io.lazarus.core.cloudconfig.CloudConfig;
import io.lazarus.core.manifest.DeploymentManifest;
import io.lazarus.core.yaml.YamlDocument;
import java.util.List;

/** The demo deployment of the planning tests: a local cloud-config, a two-group manifest and a director's inventory. */
final class Fixtures {
  private Fixtures() {}

  static final String CLOUD_CONFIG =
      """
      azs:
      - {name: z1, cloud_properties: {zone: local-1}}
      vm_types:
      - {name: default, cloud_properties: {cpu: 1, ram: 512}}
      vm_extensions:
      - {name: big-root, cloud_properties: {root_disk: {size: 10240}}}
      disk_types:
      - {name: default, disk_size: 2048, cloud_properties: {type: ssd}}
      networks:
      - name: default
        type: manual
        subnets:
        - range: 127.10.0.0/24
          gateway: 127.10.0.1
          dns: [127.0.0.53]
          reserved: [127.10.0.2 - 127.10.0.9]
          static: [127.10.0.10 - 127.10.0.30]
          az: z1
          cloud_properties: {bridge: lz0}
      - {name: public, type: vip}
      compilation:
        workers: 2
        network: default
        az: z1
        vm_type: default
      """;

  static final String MANIFEST =
      """
      name: demo
      releases:
      - {name: demo, version: latest}
      stemcells:
      - {alias: default, os: ubuntu-jammy, version: latest}
      update:
        canaries: 1
        max_in_flight: 50%
        canary_watch_time: 1000-30000
        update_watch_time: 1000-30000
      properties:
        log_level: warn
      x-common: &common
        azs: [z1]
        vm_type: default
        stemcell: default
      instance_groups:
      - name: web
        <<: *common
        instances: 3
        networks: [{name: default}]
        properties: {greeting: hello}
        jobs:
        - name: web
          release: demo
          properties:
            port: 8081
      - name: counter
        <<: *common
        instances: 1
        persistent_disk: 1024
        networks:
        - name: default
          static_ips: [127.10.0.10]
        jobs:
        - name: counter
          release: demo
      """;

  static final JobSpec WEB = new JobSpec(
      "web",
      List.of(JobSpec.PropertySpec.withDefault("port", 8080), JobSpec.PropertySpec.withDefault("log_level", "info"), JobSpec.PropertySpec.required("greeting"),
          JobSpec.PropertySpec.required("tls.certificate")),
      List.of("bin/web", "config/web.yml"),
      List.of(new JobSpec.ConsumedLink("counter", "counter", false), new JobSpec.ConsumedLink("cache", "redis", true)),
      List.of(new JobSpec.ProvidedLink("http", "http", List.of("port"))));

  static final JobSpec COUNTER = new JobSpec(
      "counter",
      List.of(JobSpec.PropertySpec.withDefault("counter.port", 9000), JobSpec.PropertySpec.withDefault("counter.persist", true)),
      List.of("bin/counter"),
      List.of(),
      List.of(new JobSpec.ProvidedLink("counter", "counter", List.of("counter.port"))));

  static final DirectorInventory INVENTORY = new DirectorInventory(
      List.of(new AvailableRelease("demo", "0.9", List.of(WEB)), new AvailableRelease("demo", "1.0", List.of(WEB, COUNTER))),
      List.of(new AvailableStemcell("bosh-local-ubuntu-jammy", "ubuntu-jammy", "1.9"), new AvailableStemcell("bosh-local-ubuntu-jammy", "ubuntu-jammy", "1.10")));

  static CloudConfig cloud(String text) {
    return CloudConfig.parse(YamlDocument.parse("cloud.yml", text));
  }

  static DeploymentManifest manifest(String text) {
    return DeploymentManifest.parse(YamlDocument.parse("demo.yml", text));
  }

  static PlanningResult plan(String manifest, ExistingState existing) {
    return plan(manifest, CLOUD_CONFIG, existing);
  }

  static PlanningResult plan(String manifest, String cloudConfig, ExistingState existing) {
    return DeploymentPlanner.plan(manifest(manifest), cloud(cloudConfig), INVENTORY, existing);
  }

  static DeploymentPlan planned(String manifest, String cloudConfig) {
    PlanningResult result = plan(manifest, cloudConfig, ExistingState.NONE);
    if (result instanceof PlanningResult.Refused refused) {
      throw new AssertionError("expected a plan, got:\n" + refused.describe());
    }
    return ((PlanningResult.Planned) result).plan();
  }

  static DeploymentPlan planned(String manifest, ExistingState existing) {
    PlanningResult result = plan(manifest, existing);
    if (result instanceof PlanningResult.Refused refused) {
      throw new AssertionError("expected a plan, got:\n" + refused.describe());
    }
    return ((PlanningResult.Planned) result).plan();
  }

  static List<String> problems(String manifest) {
    return problems(manifest, ExistingState.NONE);
  }

  static List<String> problems(String manifest, ExistingState existing) {
    return problems(manifest, CLOUD_CONFIG, existing);
  }

  static List<String> problems(String manifest, String cloudConfig) {
    return problems(manifest, cloudConfig, ExistingState.NONE);
  }

  static List<String> problems(String manifest, String cloudConfig, ExistingState existing) {
    PlanningResult result = plan(manifest, cloudConfig, existing);
    if (result instanceof PlanningResult.Refused refused) {
      return refused.problems().stream().map(PlanProblem::text).toList();
    }
    throw new AssertionError("expected problems, got a plan");
  }
}
