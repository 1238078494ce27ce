package io.lazarus.core.planning;

import static io.lazarus.core.planning.Fixtures.CLOUD_CONFIG;
import static io.lazarus.core.planning.Fixtures.MANIFEST;
import static io.lazarus.core.planning.Fixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlanningProblemsTest {
  static final String BROKEN =
      """
      name: demo
      releases:
      - {name: demo, version: latest}
      - {name: extras, version: "2"}
      stemcells:
      - {alias: default, os: ubuntu-jammy, version: latest}
      - {alias: old, os: ubuntu-jammy, version: "0.1"}
      update: {canaries: 1, max_in_flight: 1, canary_watch_time: 1000, update_watch_time: 1000}
      instance_groups:
      - name: web
        azs: [z1, z2]
        instances: 3
        vm_type: defualt
        stemcell: default
        networks: [{name: default}]
        jobs:
        - name: web
          release: demo
          properties:
            prot: 8081
            tls: x
        - name: webb
          release: demo
      - name: counter
        azs: [z1]
        instances: 2
        vm_type: default
        stemcell: old
        persistent_disk_type: fast
        networks:
        - name: default
          static_ips: [127.10.0.10]
        jobs: [{name: counter, release: demo}]
      - name: statics
        azs: [z1]
        instances: 4
        vm_type: default
        stemcell: default
        networks:
        - name: default
          static_ips: [127.10.0.10, 127.10.0.5, 127.10.0.40, 127.10.1.1]
        jobs: []
      """;

  @Test
  void reportsEveryProblemAtOnceInManifestOrderWithPathAndLine() {
    assertThat(problems(BROKEN)).containsExactly(
        "demo.yml: line 4: 'releases[1]': release 'extras' is not uploaded to this director; upload it with 'bosh upload-release'",
        "demo.yml: line 7: 'stemcells[1].version': stemcell with os 'ubuntu-jammy' version '0.1' is not uploaded (uploaded versions: 1.9, 1.10)",
        "demo.yml: line 11: 'instance_groups[0].azs[1]': instance group 'web': az 'z2' is not defined in the cloud-config (defined: z1); did you mean 'z1'?",
        "demo.yml: line 13: 'instance_groups[0].vm_type': instance group 'web': vm_type 'defualt' is not defined in the cloud-config (defined: default); did you mean 'default'?",
        "demo.yml: line 20: 'instance_groups[0].jobs[0].properties.prot': job 'web' in instance group 'web': property 'prot' is not declared in the job's spec"
            + " (release 'demo' version '1.0'), so no template can read it; did you mean 'port'?",
        "demo.yml: line 21: 'instance_groups[0].jobs[0].properties.tls': job 'web' in instance group 'web': property 'tls' must be a mapping: the job's spec"
            + " (release 'demo' version '1.0') declares tls.certificate under it",
        "demo.yml: line 22: 'instance_groups[0].jobs[1].name': instance group 'web': job 'webb' is not in release 'demo' version '1.0' (its jobs: web, counter); did you mean 'web'?",
        "demo.yml: line 29: 'instance_groups[1].persistent_disk_type': instance group 'counter': disk_type 'fast' is not defined in the cloud-config (defined: default)",
        "demo.yml: line 32: 'instance_groups[1].networks[0].static_ips': instance group 'counter' has 2 instances but 1 static IP on network 'default'; give exactly one per instance",
        "demo.yml: line 41: 'instance_groups[2].networks[0].static_ips[0]': instance group 'statics': static IP 127.10.0.10 is already given to counter/0"
            + " (instance_groups[1].networks[0].static_ips[0]); each instance needs its own",
        "demo.yml: line 41: 'instance_groups[2].networks[0].static_ips[1]': instance group 'statics': static IP 127.10.0.5 is reserved in the cloud-config"
            + " (networks[0].subnets[0].reserved: 127.10.0.2 - 127.10.0.9)",
        "demo.yml: line 41: 'instance_groups[2].networks[0].static_ips[2]': instance group 'statics': static IP 127.10.0.40 is not in the static range of subnet 127.10.0.0/24"
            + " (static: 127.10.0.10 - 127.10.0.30); choose one from it, or add it to networks[0].subnets[0].static in the cloud-config",
        "demo.yml: line 41: 'instance_groups[2].networks[0].static_ips[3]': instance group 'statics': static IP 127.10.1.1 is not in any subnet of network 'default' (127.10.0.0/24)");
  }

  @Test
  void propertiesOfSharedLevelsAreNotCheckedAgainstEachJob() {
    // instance-group and top-level properties serve several jobs, so a name one job does not declare is fine there
    assertThat(Fixtures.planned(MANIFEST.replace("properties:\n  log_level: warn\n", "properties:\n  log_level: warn\n  unrelated: {x: 1}\n"), CLOUD_CONFIG)).isNotNull();
  }

  @Test
  void aSharedLevelPuttingAValueWhereADeclaredPropertyNeedsAHashIsRefusedWithBoshsMessage() {
    String manifest = MANIFEST.replace("properties:\n  log_level: warn\n", "properties:\n  log_level: warn\n  counter: 9000\n")
        .replace("  properties: {greeting: hello}\n", "  properties: {greeting: hello, tls: [on]}\n");
    assertThat(problems(manifest)).containsExactly(
        "demo.yml: line 13: 'properties.counter': job 'counter' in instance group 'counter': Property 'counter.port' expects a hash, but received 'Integer'",
        "demo.yml: line 13: 'properties.counter': job 'counter' in instance group 'counter': Property 'counter.persist' expects a hash, but received 'Integer'",
        "demo.yml: line 23: 'instance_groups[0].properties.tls': job 'web' in instance group 'web': Property 'tls.certificate' expects a hash, but received 'Array'");
  }

  @Test
  void undeclaredPropertyWithoutALikelyTypoSaysWhatToDo() {
    assertThat(problems(MANIFEST.replace("      port: 8081\n", "      port: 8081\n      workers: 4\n"))).containsExactly(
        "demo.yml: line 28: 'instance_groups[0].jobs[0].properties.workers': job 'web' in instance group 'web': property 'workers' is not declared in the job's spec"
            + " (release 'demo' version '1.0'), so no template can read it; remove it or correct its name");
  }

  @Test
  void implicitLinkWithSeveralProvidersIsAmbiguous() {
    String twoCounters = MANIFEST + """
        - name: counter2
          <<: *common
          instances: 1
          networks: [{name: default}]
          jobs: [{name: counter, release: demo}]
        """;
    assertThat(problems(twoCounters)).containsExactly(
        "demo.yml: line 24: 'instance_groups[0].jobs[0]': job 'web' in instance group 'web' consumes link 'counter' of type 'counter', but several jobs provide one:"
            + " counter/counter (as 'counter'), counter2/counter (as 'counter'); choose with 'consumes: {counter: {from: <name>}}'");
  }

  @Test
  void fromPicksOneOfSeveralProvidersByItsAlias() {
    String twoCounters = MANIFEST.replace("      port: 8081\n", "      port: 8081\n    consumes: {counter: {from: counter-b}}\n") + """
        - name: counter2
          <<: *common
          instances: 1
          networks: [{name: default}]
          jobs: [{name: counter, release: demo, provides: {counter: {as: counter-b, shared: true}}}]
        """;
    PlannedJob web = Fixtures.planned(twoCounters, CLOUD_CONFIG).instanceGroup("web").orElseThrow().jobs().get(0);
    LinkBinding.Bound bound = (LinkBinding.Bound) web.consumes().get(0);
    assertThat(bound.provider().instanceGroup()).isEqualTo("counter2");
    assertThat(bound.provider().name()).isEqualTo("counter-b");
    assertThat(bound.provider().shared()).isTrue();
  }

  @Test
  void wrongLinkNamesAreNamedWithSuggestions() {
    assertThat(problems(MANIFEST.replace("      port: 8081\n", "      port: 8081\n    consumes: {counter: {from: count}, cach: nil}\n    provides: {htp: {as: web}}\n"))).containsExactly(
        "demo.yml: line 28: 'instance_groups[0].jobs[0].consumes.counter': job 'web' in instance group 'web' consumes link 'counter' of type 'counter' from 'count',"
            + " but no job in deployment 'demo' provides a link named 'count' (providers of type 'counter': counter/counter (as 'counter'))",
        "demo.yml: line 28: 'instance_groups[0].jobs[0].consumes.cach': job 'web' in instance group 'web' does not consume a link named 'cach' (it consumes: counter, cache);"
            + " did you mean 'cache'?",
        "demo.yml: line 29: 'instance_groups[0].jobs[0].provides.htp': job 'web' in instance group 'web' does not provide a link named 'htp' (it provides: http); did you mean 'http'?");
  }

  @Test
  void requiredLinksCannotBeSetToNilButOptionalOnesCan() {
    assertThat(problems(MANIFEST.replace("      port: 8081\n", "      port: 8081\n    consumes: {counter: nil}\n"))).containsExactly(
        "demo.yml: line 28: 'instance_groups[0].jobs[0].consumes.counter': job 'web' in instance group 'web' consumes link 'counter' of type 'counter',"
            + " which its spec requires, so it cannot be set to nil");
    PlannedJob web = Fixtures.planned(MANIFEST.replace("      port: 8081\n", "      port: 8081\n    consumes: {cache: nil}\n"), CLOUD_CONFIG).instanceGroup("web").orElseThrow().jobs().get(0);
    assertThat(web.consumes().get(1)).isEqualTo(new LinkBinding.Unconnected("cache", "redis", "set to nil in the manifest"));
  }

  @Test
  void fromMustNameAProviderOfTheRightType() {
    assertThat(problems(MANIFEST.replace("      port: 8081\n", "      port: 8081\n    consumes: {counter: {from: http}}\n"))).containsExactly(
        "demo.yml: line 28: 'instance_groups[0].jobs[0].consumes.counter': job 'web' in instance group 'web' consumes link 'counter' of type 'counter' from 'http',"
            + " but 'http' is of type 'http' (web/web (as 'http'))");
  }

  @Test
  void withdrawnProviderLeavesARequiredLinkUnresolvable() {
    assertThat(problems(MANIFEST.replace("  - name: counter\n    release: demo\n", "  - name: counter\n    release: demo\n    provides: {counter: nil}\n"))).containsExactly(
        "demo.yml: line 24: 'instance_groups[0].jobs[0]': job 'web' in instance group 'web' consumes link 'counter' of type 'counter', but no job in deployment 'demo'"
            + " provides one; add a job that provides it, or take it from another deployment with 'consumes: {counter: {from: <name>, deployment: <deployment>}}'");
  }

  @Test
  void linksFromOtherDeploymentsAreLeftToTheDirector() {
    PlannedJob web = Fixtures.planned(MANIFEST.replace("      port: 8081\n", "      port: 8081\n    consumes: {counter: {from: shared-counter, deployment: infra}}\n"), CLOUD_CONFIG)
        .instanceGroup("web").orElseThrow().jobs().get(0);
    assertThat(web.consumes().get(0)).isEqualTo(new LinkBinding.FromDeployment("counter", "counter", "infra", java.util.Optional.of("shared-counter")));
  }

  @Test
  void networkProblemsNameTheNetworkAndWhatToChange() {
    String cloud = CLOUD_CONFIG.replace("- {name: public, type: vip}\n", "- {name: public, type: vip}\n- {name: dhcp, type: dynamic}\n");
    String manifest = MANIFEST.replace("  networks: [{name: default}]\n", "  networks: [{name: default}, {name: dhcp, static_ips: [10.0.0.1]}, {name: public}, {name: privat}]\n");
    assertThat(problems(manifest, cloud)).containsExactly(
        "demo.yml: line 21: 'instance_groups[0].networks[1].name': instance group 'web': network 'dhcp' has no subnet in az 'z1'"
            + " (its subnets name no azs; add 'azs' to them in the cloud-config)",
        "demo.yml: line 21: 'instance_groups[0].networks[1].static_ips': instance group 'web': network 'dhcp' is dynamic (the cloud assigns its addresses),"
            + " so it cannot have 'static_ips'; use a manual network for fixed addresses",
        "demo.yml: line 21: 'instance_groups[0].networks[2].static_ips': instance group 'web' has 3 instances but 0 vip addresses on network 'public'; give exactly one per instance",
        "demo.yml: line 21: 'instance_groups[0].networks[3].name': instance group 'web': network 'privat' is not defined in the cloud-config (defined: default, public, dhcp)",
        "demo.yml: line 21: 'instance_groups[0].networks': instance group 'web' has 2 networks (default, dhcp), so exactly one must be the default for dns;"
            + " add 'default: [dns, gateway]' to the network that should carry it",
        "demo.yml: line 21: 'instance_groups[0].networks': instance group 'web' has 2 networks (default, dhcp), so exactly one must be the default for gateway;"
            + " add 'default: [dns, gateway]' to the network that should carry it");
  }

  @Test
  void aFullSubnetSaysHowManyAddressesItHas() {
    String tiny = CLOUD_CONFIG.replace("static: [127.10.0.10 - 127.10.0.30]", "static: [127.10.0.10 - 127.10.0.252]");
    assertThat(problems(MANIFEST, tiny)).containsExactly(
        "demo.yml: line 21: 'instance_groups[0].networks[0].name': network 'default' has no free dynamic IP left for web/2 in az 'z1'"
            + " (127.10.0.0/24 has 2 dynamic addresses, all taken); widen the subnet, shrink 'reserved'/'static', or use fewer instances");
  }

  @Test
  void staticIpsMustFollowTheRoundRobinAzs() {
    String twoAzs = CLOUD_CONFIG.replace("- {name: z1, cloud_properties: {zone: local-1}}\n", "- {name: z1, cloud_properties: {zone: local-1}}\n- {name: z2}\n")
        .replace("    cloud_properties: {bridge: lz0}\n", "    cloud_properties: {bridge: lz0}\n  - {range: 127.11.0.0/24, gateway: 127.11.0.1, static: [127.11.0.10 - 127.11.0.20], az: z2}\n");
    String manifest = MANIFEST.replace("  azs: [z1]\n", "  azs: [z1, z2]\n").replace("instances: 1", "instances: 2");
    assertThat(problems(manifest.replace("static_ips: [127.10.0.10]", "static_ips: [127.11.0.10, 127.10.0.10]"), twoAzs)).containsExactly(
        "demo.yml: line 34: 'instance_groups[1].networks[0].static_ips[0]': instance group 'counter': static IP 127.11.0.10 is in subnet 127.11.0.0/24, which serves azs z2,"
            + " but counter/0 is placed in az 'z1' (azs are assigned in turn: z1, z2); order 'static_ips' to follow the azs",
        "demo.yml: line 34: 'instance_groups[1].networks[0].static_ips[1]': instance group 'counter': static IP 127.10.0.10 is in subnet 127.10.0.0/24, which serves azs z1,"
            + " but counter/1 is placed in az 'z2' (azs are assigned in turn: z1, z2); order 'static_ips' to follow the azs");
    DeploymentPlan plan = Fixtures.planned(manifest.replace("static_ips: [127.10.0.10]", "static_ips: [127.10.0.10, 127.11.0.10]"), twoAzs);
    PlannedInstanceGroup web = plan.instanceGroup("web").orElseThrow();
    assertThat(web.instances()).extracting(i -> i.az().orElseThrow() + " " + i.networks().get(0).ip().orElseThrow())
        .containsExactly("z1 127.10.0.31", "z2 127.11.0.2", "z1 127.10.0.32");
  }

  @Test
  void instanceGroupsMustListAzsWhenTheCloudConfigHasThem() {
    assertThat(problems(MANIFEST.replace("  azs: [z1]\n", ""))).containsExactly(
        "demo.yml: line 17: 'instance_groups[0]': instance group 'web' lists no 'azs', but the cloud-config defines azs (z1); list the azs to place its instances in",
        "demo.yml: line 27: 'instance_groups[1]': instance group 'counter' lists no 'azs', but the cloud-config defines azs (z1); list the azs to place its instances in");
  }

  @Test
  void networksMustServeEveryAzOfTheGroup() {
    String twoAzs = CLOUD_CONFIG.replace("- {name: z1, cloud_properties: {zone: local-1}}\n", "- {name: z1, cloud_properties: {zone: local-1}}\n- {name: z2}\n");
    assertThat(problems(MANIFEST.replace("  azs: [z1]\n", "  azs: [z1, z2]\n"), twoAzs)).containsExactly(
        "demo.yml: line 21: 'instance_groups[0].networks[0].name': instance group 'web': network 'default' has no subnet in az 'z2' (its subnets serve: z1)",
        "demo.yml: line 33: 'instance_groups[1].networks[0].name': instance group 'counter': network 'default' has no subnet in az 'z2' (its subnets serve: z1)");
  }

  @Test
  void staticIpsHeldByOtherDeploymentsAreRefused() {
    ExistingState elsewhere = new ExistingState(java.util.Map.of(), java.util.Set.of(io.lazarus.core.network.Ipv4Address.parse("127.10.0.10")));
    assertThat(problems(MANIFEST, elsewhere)).containsExactly(
        "demo.yml: line 34: 'instance_groups[1].networks[0].static_ips[0]': instance group 'counter': static IP 127.10.0.10 is already in use by another deployment");
  }

  @Test
  void missingReleaseVersionListsWhatIsUploaded() {
    assertThat(problems(MANIFEST.replace("{name: demo, version: latest}", "{name: demo, version: \"2.0\"}"))).containsExactly(
        "demo.yml: line 3: 'releases[0].version': release 'demo' version '2.0' is not uploaded (uploaded versions: 0.9, 1.0)");
  }

  @Test
  void problemsCarryPathAndLineAsValues() {
    PlanningResult.Refused refused = (PlanningResult.Refused) Fixtures.plan(MANIFEST.replace("vm_type: default", "vm_type: huge"), ExistingState.NONE);
    PlanProblem problem = refused.problems().get(0);
    assertThat(problem.path()).isEqualTo("instance_groups[0].vm_type");
    assertThat(problem.line()).isEqualTo(15);
    assertThat(problem.message()).isEqualTo("instance group 'web': vm_type 'huge' is not defined in the cloud-config (defined: default)");
    assertThat(refused.describe()).contains("\n").startsWith("demo.yml: line 15: 'instance_groups[0].vm_type': instance group 'web'");
  }

  @Test
  void linkNetworkMustBeOneOfTheProvidersNetworks() {
    assertThat(problems(MANIFEST.replace("      port: 8081\n", "      port: 8081\n    consumes: {counter: {network: public, ip_addresses: true}}\n"))).containsExactly(
        "demo.yml: line 28: 'instance_groups[0].jobs[0].consumes.counter.network': job 'web' in instance group 'web' consumes link 'counter' on network 'public',"
            + " but instance group 'counter' that provides it is not on that network (its networks: default)");
    PlannedJob web = Fixtures.planned(MANIFEST.replace("      port: 8081\n", "      port: 8081\n    consumes: {counter: {network: default, ip_addresses: true}}\n"), CLOUD_CONFIG)
        .instanceGroup("web").orElseThrow().jobs().get(0);
    LinkBinding.Bound bound = (LinkBinding.Bound) web.consumes().get(0);
    assertThat(bound.network()).contains("default");
    assertThat(bound.ipAddresses()).contains(true);
  }

  @Test
  void missingStemcellSaysHowToUploadOne() {
    assertThat(problems(MANIFEST.replace("os: ubuntu-jammy", "os: ubuntu-noble"))).containsExactly(
        "demo.yml: line 5: 'stemcells[0]': no stemcell with os 'ubuntu-noble' is uploaded to this director; upload one with 'bosh upload-stemcell'");
  }

  @Test
  void groupsWithAnUnknownAzStillHaveTheirOtherNetworkProblemsReported() {
    assertThat(problems(MANIFEST.replace("  azs: [z1]\n", "  azs: [z7]\n").replace("static_ips: [127.10.0.10]", "static_ips: [127.10.0.99]"))).containsExactly(
        // both groups merge their azs from x-common, so both problems point at the line where 'z7' is written
        "demo.yml: line 14: 'instance_groups[0].azs[0]': instance group 'web': az 'z7' is not defined in the cloud-config (defined: z1); did you mean 'z1'?",
        "demo.yml: line 14: 'instance_groups[1].azs[0]': instance group 'counter': az 'z7' is not defined in the cloud-config (defined: z1); did you mean 'z1'?",
        "demo.yml: line 34: 'instance_groups[1].networks[0].static_ips[0]': instance group 'counter': static IP 127.10.0.99 is not in the static range of subnet 127.10.0.0/24"
            + " (static: 127.10.0.10 - 127.10.0.30); choose one from it, or add it to networks[0].subnets[0].static in the cloud-config");
  }

  @Test
  void aMissingJobIsReportedOnceNotAgainAsAMissingLinkProvider() {
    assertThat(problems(MANIFEST.replace("  - name: counter\n    release: demo\n", "  - name: countr\n    release: demo\n"))).containsExactly(
        "demo.yml: line 36: 'instance_groups[1].jobs[0].name': instance group 'counter': job 'countr' is not in release 'demo' version '1.0' (its jobs: web, counter);"
            + " did you mean 'counter'?");
  }
}
