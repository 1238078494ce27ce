package io.lazarus.cli.deploy;

import static io.lazarus.cli.e2e.LocalCloudDirector.demoManifest;
import static io.lazarus.cli.e2e.LocalCloudDirector.http;
import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.cli.CliRun;
import io.lazarus.cli.e2e.LocalCloudDirector;
import io.lazarus.cpi.local.LocalVm;
import io.lazarus.director.Director;
import io.lazarus.director.instances.Instance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo deployment's life on the real local cloud, driven through the CLI: deploy (3 web, 1 counter with a
 * disk), an unchanged redeploy that changes nothing, a recreate that keeps the counter's data, {@code --fix}
 * recreating an instance whose agent died, scaling 3 → 5 (through an ops file and a variable, as the bosh CLI's
 * users do) → 2, and a delete that leaves no process, mount or address behind. The steps build on each other, in
 * order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDeploymentIT {
  @TempDir
  static Path dir;

  private static LocalCloudDirector cloud;

  @BeforeAll
  static void start() throws Exception {
    cloud = LocalCloudDirector.start(dir, "127.71.0");
  }

  @AfterAll
  static void stop() {
    if (cloud != null) {
      cloud.close();
    }
  }

  @Test
  @Order(1)
  void deploysWebInstancesThatEachAnswerOnTheirOwnAddressAndACounterOnItsDisk() throws Exception {
    CliRun.Result deploy = cloud.deploy(demoManifest(3, 2));

    assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isZero();
    Map<String, String> web = addresses("web");
    assertThat(web).hasSize(3);
    assertThat(new java.util.HashSet<>(web.values())).hasSize(3);
    web.forEach((name, ip) -> assertThat(http("GET", ip, 8080)).hasValue(name));
    String counter = addresses("counter").values().iterator().next();
    assertThat(http("POST", counter, 8081)).hasValue("1");
    assertThat(cloud.ok("-e", "lz", "-d", "demo", "instances", "--ps").outTrimmed()).contains("4 instances").doesNotContain("failing");
  }

  @Test
  @Order(2)
  void redeployingTheSameManifestChangesNothing() throws Exception {
    List<String> before = vmCids();

    CliRun.Result deploy = cloud.deploy(demoManifest(3, 2));

    assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isZero();
    assertThat(deploy.out()).doesNotContain("Updating instance").doesNotContain("Compiling packages");
    assertThat(vmCids()).isEqualTo(before);
  }

  @Test
  @Order(3)
  void recreateReplacesEveryVmAndKeepsTheCountersData() throws Exception {
    String counter = addresses("counter").values().iterator().next();
    assertThat(http("POST", counter, 8081)).hasValue("2");
    List<String> before = vmCids();

    CliRun.Result deploy = cloud.deploy(demoManifest(3, 2), "--recreate");

    assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isZero();
    assertThat(vmCids()).hasSize(4).doesNotContainAnyElementsOf(before);
    assertThat(http("GET", counter, 8081)).hasValue("2");
  }

  @Test
  @Order(4)
  void aLargerDiskGetsTheCountersData() throws Exception {
    String counter = addresses("counter").values().iterator().next();
    List<String> disksBefore = cloud.cloud().disks().stream().map(io.lazarus.cpi.local.LocalDisk::cid).toList();

    CliRun.Result deploy = cloud.deploy(demoManifest(3, 2, 2048));

    assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isZero();
    assertThat(http("GET", counter, 8081)).hasValue("2");
    assertThat(cloud.cloud().disks()).hasSize(2).anySatisfy(disk -> {
      assertThat(disk.sizeMb()).isEqualTo(2048);
      assertThat(disk.attachedTo()).isNotNull();
      assertThat(disksBefore).doesNotContain(disk.cid());
    });
  }

  @Test
  @Order(5)
  void deployWithFixRecreatesAnInstanceWhoseAgentIsGone() throws Exception {
    Map.Entry<String, String> web = addresses("web").entrySet().iterator().next();
    LocalVm vm = cloud.cloud().vms().stream().filter(v -> v.ips().contains(web.getValue())).findFirst().orElseThrow();
    cloud.cloud().crash(vm.cid());

    CliRun.Result deploy = cloud.deploy(demoManifest(3, 2, 2048), "--fix");

    assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isZero();
    assertThat(vmCids()).hasSize(4).doesNotContain(vm.cid());
    assertThat(http("GET", web.getValue(), 8080)).hasValue(web.getKey());
  }

  @Test
  @Order(6)
  void scalesWebFromThreeToFiveToTwo() throws Exception {
    Path scale = Files.writeString(dir.resolve("scale-web.yml"),
        "- type: replace\n  path: /instance_groups/name=web/instances\n  value: ((web_instances))\n");
    CliRun.Result scaled = cloud.deploy(demoManifest(3, 2, 2048), "-o", scale.toString(), "-v", "web_instances=5");
    assertThat(scaled.exitCode()).as(scaled.out() + scaled.err()).isZero();
    Map<String, String> five = addresses("web");
    assertThat(five).hasSize(5);
    five.forEach((name, ip) -> assertThat(http("GET", ip, 8080)).hasValue(name));

    assertThat(cloud.deploy(demoManifest(2, 2, 2048)).exitCode()).isZero();
    Map<String, String> two = addresses("web");
    assertThat(indexes("web")).containsExactly(0, 1);
    two.forEach((name, ip) -> assertThat(http("GET", ip, 8080)).hasValue(name));
    assertThat(cloud.cloud().vms()).hasSize(3);
    five.forEach((name, ip) -> {
      if (!two.containsKey(name)) {
        assertThat(http("GET", ip, 8080)).as("deleted %s still answers", name).isEmpty();
      }
    });
  }

  @Test
  @Order(7)
  void deletingTheDeploymentLeavesNoProcessMountOrAddressBehind() throws Exception {
    Path store = dir.resolve("store").toRealPath();

    cloud.ok("-e", "lz", "-d", "demo", "-n", "delete-deployment");

    assertThat(cloud.cloud().vms()).isEmpty();
    assertThat(processesMentioning(store.toString())).isEmpty();
    assertThat(Files.readString(Path.of("/proc/mounts"))).doesNotContain(store.toString());
    assertThat(listeningAddresses()).noneMatch(address -> address.startsWith(cloud.subnet() + "."));
    assertThat(cloud.cloud().disks()).as("the counter's disks are kept as orphans").hasSize(2);
  }

  @Test
  @Order(8)
  void deletingTheStemcellAlsoDeletesThePackagesCompiledForIt() throws Exception {
    Director.DirectorServices services = cloud.director().services();
    List<String> compiled = services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT blobstore_id FROM compiled_packages").mapTo(String.class).list());
    assertThat(compiled).as("the demo's packages were compiled").isNotEmpty();
    var stemcell = services.stemcells().list().getFirst();

    cloud.ok("-e", "lz", "-n", "delete-stemcell", stemcell.name() + "/" + stemcell.version());

    int left = services.database().jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM compiled_packages").mapTo(Integer.class).one());
    assertThat(left).isZero();
    assertThat(compiled).noneMatch(services.blobstore()::exists);
  }

  /** Instance name → address, for a group of the demo deployment. */
  private static Map<String, String> addresses(String group) {
    Director.DirectorServices services = cloud.director().services();
    long deployment = services.deployments().find("demo").orElseThrow().id();
    Map<String, String> addresses = new LinkedHashMap<>();
    for (Instance instance : services.instances().list(deployment)) {
      if (instance.group().equals(group)) {
        addresses.put(instance.name(), services.ipAddresses().forInstance(instance.id()).getFirst().address());
      }
    }
    return addresses;
  }

  private static List<Integer> indexes(String group) {
    Director.DirectorServices services = cloud.director().services();
    long deployment = services.deployments().find("demo").orElseThrow().id();
    return services.instances().list(deployment).stream().filter(i -> i.group().equals(group)).map(Instance::index).toList();
  }

  private static List<String> vmCids() throws IOException {
    return cloud.cloud().vms().stream().map(LocalVm::cid).sorted().toList();
  }

  /** Live processes whose command line names {@code text}. */
  static List<Long> processesMentioning(String text) throws IOException {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs.filter(p -> p.getFileName().toString().matches("\\d+"))
          .filter(p -> {
            try {
              return new String(Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ').contains(text);
            } catch (IOException e) {
              return false; // gone meanwhile
            }
          })
          .map(p -> Long.parseLong(p.getFileName().toString()))
          .toList();
    }
  }

  /** Local IPv4 addresses with a listening TCP socket, from /proc/net/tcp. */
  static List<String> listeningAddresses() throws IOException {
    return Files.readAllLines(Path.of("/proc/net/tcp")).stream().skip(1)
        .map(line -> line.trim().split("\\s+"))
        .filter(fields -> fields[3].equals("0A"))
        .map(fields -> {
          String hex = fields[1].split(":")[0];
          long value = Long.parseLong(hex, 16);
          return (value & 0xff) + "." + (value >> 8 & 0xff) + "." + (value >> 16 & 0xff) + "." + (value >> 24 & 0xff);
        })
        .toList();
  }
}
