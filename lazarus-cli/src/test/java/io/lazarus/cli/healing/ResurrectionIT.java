package io.lazarus.cli.healing;

import static io.lazarus.cli.e2e.LocalCloudDirector.http;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lazarus.cli.e2e.HealingCloud;
import io.lazarus.cli.e2e.LocalCloudDirector;
import io.lazarus.cpi.local.LocalVm;
import io.lazarus.director.instances.Instance;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faults of the local cloud's console, each healed by the Health Monitor and the Director with nobody typing:
 * a VM terminated in the IaaS, a VM whose whole process tree got {@code kill -9}, a VM frozen with SIGSTOP. Each
 * ends with the instance on a new VM at the same address, its persistent disk and data kept, its jobs running, and
 * one live copy. Restarting the Health Monitor or the Director while all is well raises nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResurrectionIT {
  private static final Duration HEALING = Duration.ofSeconds(120);
  private static final Duration QUIET = Duration.ofSeconds(10);

  @TempDir
  static Path dir;

  private static HealingCloud healing;

  @BeforeAll
  static void deploy() throws Exception {
    healing = HealingCloud.deploy(dir, "127.74.0", LocalCloudDirector.manifest(LocalCloudDirector.web(1) + LocalCloudDirector.counter(1024)),
        HealingCloud.RESURRECTOR_OPTIONS, "");
  }

  @AfterAll
  static void stop() {
    if (healing != null) {
      healing.close();
    }
  }

  @Test
  @Order(1)
  void aVmTerminatedInTheCloudComesBackOnItsAddress() throws Exception {
    Instance web = healing.cloud().instances("web").getFirst();
    String ip = healing.cloud().ip(web);
    LocalVm before = healing.vmWithIp(ip).orElseThrow();

    healing.cloud().cloud().terminate(before.cid());

    await().atMost(HEALING).untilAsserted(() -> assertThat(http("GET", ip, 8080)).hasValue("web/" + web.uuid()));
    assertThat(healing.vmWithIp(ip).orElseThrow().cid()).isNotEqualTo(before.cid());
    assertThat(healing.alertsTitled("Scan unresponsive VMs")).isNotEmpty();
  }

  @Test
  @Order(2)
  void aVmWhoseProcessTreeWasKilledComesBackWithItsDiskAndData() throws Exception {
    Instance counter = healing.cloud().instances("counter").getFirst();
    String ip = healing.cloud().ip(counter);
    String disk = healing.cloud().diskCid(counter);
    await().atMost(HEALING).until(() -> http("GET", ip, 8081).isPresent());
    http("POST", ip, 8081).orElseThrow();
    String count = http("POST", ip, 8081).orElseThrow();
    LocalVm before = healing.vmWithIp(ip).orElseThrow();

    HealingCloud.killTree(before);

    await().atMost(HEALING).untilAsserted(() -> {
      assertThat(healing.vmWithIp(ip)).hasValueSatisfying(vm -> assertThat(vm.cid()).isNotEqualTo(before.cid()));
      assertThat(http("GET", ip, 8081)).hasValue(count);
    });
    assertThat(healing.cloud().diskCid(healing.cloud().instances("counter").getFirst())).isEqualTo(disk);
  }

  @Test
  @Order(3)
  void aFrozenVmIsReplacedAndTheFrozenCopyIsGone() throws Exception {
    Instance web = healing.cloud().instances("web").getFirst();
    String ip = healing.cloud().ip(web);
    LocalVm before = healing.vmWithIp(ip).orElseThrow();

    healing.cloud().cloud().pause(before.cid());

    await().atMost(HEALING).untilAsserted(() -> {
      assertThat(healing.cloud().cloud().vms()).filteredOn(vm -> vm.ips().contains(ip)).singleElement()
          .satisfies(vm -> assertThat(vm.cid()).isNotEqualTo(before.cid()));
      assertThat(http("GET", ip, 8080)).hasValue("web/" + web.uuid());
    });
    assertThat(ProcessHandle.of(before.pid())).as("the frozen VM's processes are gone (fenced)").isEmpty();
  }

  @Test
  @Order(4)
  void restartingTheHealthMonitorWhileAllIsWellRaisesNothing() {
    awaitAllRunning();
    int alerts = healing.alerts().size();
    int tasks = healing.scanAndFixTasks();

    healing.restartHealthMonitor();

    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> healing.alerts().size() == alerts && healing.scanAndFixTasks() == tasks);
  }

  @Test
  @Order(5)
  void restartingTheDirectorWhileAllIsWellRaisesNothing() throws Exception {
    awaitAllRunning();
    int alerts = healing.alerts().size();
    int tasks = healing.scanAndFixTasks();

    healing.cloud().restartDirector();

    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> healing.alerts().size() == alerts && healing.scanAndFixTasks() == tasks);
  }

  /** Every instance answers and the Health Monitor has had a heartbeat from each since its last recreate. */
  private static void awaitAllRunning() {
    await().atMost(HEALING).until(() -> healing.cloud().instances("web").stream().allMatch(i -> http("GET", healing.cloud().ip(i), 8080).isPresent())
        && healing.cloud().instances("counter").stream().allMatch(i -> http("GET", healing.cloud().ip(i), 8081).isPresent())
        && healing.monitor().fleet().all().stream().noneMatch(agent -> agent.timedOut() || agent.warmingUp()));
  }
}
