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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten instances, six terminated at once: BOSH's meltdown (6 ≥ minimum_down_jobs 5 and 60% ≥ 20%) keeps the
 * Resurrector's hands off and says so; an operator's {@code cck --auto} brings them back; once the meltdown window has
 * passed, a single failure is healed again by itself.
 */
class MeltdownIT {
  private static final Duration HEALING = Duration.ofSeconds(150);

  @TempDir
  static Path dir;

  private static HealingCloud healing;

  @BeforeAll
  static void deploy() throws Exception {
    healing = HealingCloud.deploy(dir, "127.75.0", LocalCloudDirector.manifest(5, "1000-60000", LocalCloudDirector.web(10)), HealingCloud.RESURRECTOR_OPTIONS, "");
  }

  @AfterAll
  static void stop() {
    if (healing != null) {
      healing.close();
    }
  }

  @Test
  void sixOfTenDownIsAMeltdownThatCckFixesAfterWhichHealingResumes() throws Exception {
    List<Instance> web = healing.cloud().instances("web");
    int tasksBefore = healing.scanAndFixTasks();
    List<String> victims = new ArrayList<>();
    for (Instance instance : web.subList(0, 6)) {
      victims.add(healing.vmWithIp(healing.cloud().ip(instance)).orElseThrow().cid());
    }
    try (ExecutorService atOnce = Executors.newVirtualThreadPerTaskExecutor()) {
      for (String cid : victims) {
        atOnce.submit(() -> {
          healing.cloud().cloud().terminate(cid);
          return null;
        });
      }
    }

    await().atMost(HEALING).until(() -> !healing.alertsTitled("We are in meltdown").isEmpty());
    assertThat((String) healing.alertsTitled("We are in meltdown").getFirst().get("summary")).contains("of 10 agents are unhealthy");
    assertThat(healing.scanAndFixTasks()).as("no scan and fix in a meltdown").isEqualTo(tasksBefore);
    assertThat(healing.cloud().cloud().vms()).hasSize(4);

    healing.cloud().ok("-n", "cck", "--auto");

    await().atMost(HEALING).until(() -> web.stream().allMatch(instance -> http("GET", healing.cloud().ip(instance), 8080).isPresent()));
    assertThat(healing.scanAndFixTasks()).isEqualTo(tasksBefore);

    Instance last = web.getLast();
    String ip = healing.cloud().ip(last);
    LocalVm victim = healing.vmWithIp(ip).orElseThrow();
    healing.cloud().cloud().terminate(victim.cid());

    await().atMost(HEALING).untilAsserted(() -> assertThat(healing.vmWithIp(ip)).hasValueSatisfying(vm -> assertThat(vm.cid()).isNotEqualTo(victim.cid())));
    await().atMost(HEALING).until(() -> http("GET", ip, 8080).isPresent());
    assertThat(healing.scanAndFixTasks()).as("healing resumed by itself").isGreaterThan(tasksBefore);
  }
}
