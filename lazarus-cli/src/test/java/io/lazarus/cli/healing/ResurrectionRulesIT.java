package io.lazarus.cli.healing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lazarus.cli.e2e.HealingCloud;
import io.lazarus.cli.e2e.LocalCloudDirector;
import io.lazarus.cpi.local.LocalVm;
import io.lazarus.director.instances.Instance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What keeps the Resurrector's hands off, each on its own and each undone: a resurrection config disabling one
 * instance group, the global pause, a timed pause that ends by itself, {@code ignore}, and the Director's stateful
 * filter ({@code auto_fix_stateful_nodes: false}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResurrectionRulesIT {
  private static final Duration HEALING = Duration.ofSeconds(120);
  private static final Duration LEFT_ALONE = Duration.ofSeconds(10);

  @TempDir
  static Path dir;

  private static HealingCloud healing;

  @BeforeAll
  static void deploy() throws Exception {
    healing = HealingCloud.deploy(dir, "127.76.0", LocalCloudDirector.manifest(LocalCloudDirector.web(1) + LocalCloudDirector.counter(1024)),
        // every test here recreates web once: a flap limit above their number
        HealingCloud.RESURRECTOR_OPTIONS.replace("flap_limit: {attempts: 3", "flap_limit: {attempts: 10"), "");
  }

  @AfterAll
  static void stop() {
    if (healing != null) {
      healing.close();
    }
  }

  @Test
  @Order(1)
  void aConfigDisablingOneGroupLeavesItAloneWithAnAlertWhileTheOtherGroupIsHealed() throws Exception {
    Path config = Files.writeString(dir.resolve("resurrection.yml"), "rules:\n- enabled: false\n  include: {instance_groups: [counter]}\n");
    healing.cloud().ok("-n", "update-config", "--type", "resurrection", "--name", "no-counter", config.toString());
    await().atMost(HEALING).until(() -> healing.cloud().ok("resurrection", "explain").out().contains("rule 1 (enabled: false"));
    String web = ipOf("web");
    String counter = ipOf("counter");
    LocalVm webVm = healing.vmWithIp(web).orElseThrow();

    healing.cloud().cloud().terminate(webVm.cid());
    healing.cloud().cloud().terminate(healing.vmWithIp(counter).orElseThrow().cid());

    await().atMost(HEALING).untilAsserted(() -> assertThat(healing.vmWithIp(web)).hasValueSatisfying(vm -> assertThat(vm.cid()).isNotEqualTo(webVm.cid())));
    await().atMost(HEALING).until(() -> healing.alertsTitled("Resurrection is disabled by resurrection config").stream()
        .anyMatch(alert -> alert.get("summary").toString().contains("counter/")));
    assertThat(healing.vmWithIp(counter)).as("the counter is left alone").isEmpty();

    healing.cloud().ok("-n", "delete-config", "--type", "resurrection", "--name", "no-counter");

    awaitVm(counter);
  }

  @Test
  @Order(2)
  void theGlobalPauseHoldsUntilResurrectionIsTurnedOnAgain() throws Exception {
    awaitHealthy();
    String web = ipOf("web");
    LocalVm before = healing.vmWithIp(web).orElseThrow();
    healing.cloud().ok("update-resurrection", "off");

    healing.cloud().cloud().terminate(before.cid());

    await().during(LEFT_ALONE).atMost(LEFT_ALONE.plusSeconds(5)).until(() -> healing.vmWithIp(web).isEmpty());
    assertThat(healing.cloud().ok("resurrection", "explain").out()).contains("skipped_paused");

    healing.cloud().ok("update-resurrection", "on");

    awaitVm(web);
  }

  @Test
  @Order(3)
  void aTimedPauseEndsByItself() throws Exception {
    awaitHealthy();
    String web = ipOf("web");
    LocalVm before = healing.vmWithIp(web).orElseThrow();
    Instant pausedUntil = Instant.now().plusSeconds(15);
    healing.cloud().ok("update-resurrection", "off", "--for", "15s");

    healing.cloud().cloud().terminate(before.cid());

    awaitVm(web);
    assertThat(healing.vmWithIp(web).orElseThrow().createdAt()).as("not recreated before the pause ended").isAfter(pausedUntil.minusSeconds(1));
  }

  @Test
  @Order(4)
  void anIgnoredInstanceIsLeftAloneUntilUnignored() throws Exception {
    Instance instance = healing.cloud().instances("web").getFirst();
    String web = healing.cloud().ip(instance);
    awaitHealthy();
    healing.cloud().ok("ignore", "web/" + instance.uuid());

    healing.cloud().cloud().terminate(healing.vmWithIp(web).orElseThrow().cid());

    await().during(LEFT_ALONE).atMost(LEFT_ALONE.plusSeconds(5)).until(() -> healing.vmWithIp(web).isEmpty());

    healing.cloud().ok("unignore", "web/" + instance.uuid());

    awaitVm(web);
  }

  @Test
  @Order(5)
  void statefulInstancesAreLeftAloneWhenTheDirectorSaysSo() throws Exception {
    awaitHealthy();
    healing.cloud().restartDirector("scan_and_fix: {auto_fix_stateful_nodes: false}\n");
    String counter = ipOf("counter");
    LocalVm before = healing.vmWithIp(counter).orElseThrow();
    int tasks = healing.scanAndFixTasks();

    HealingCloud.killTree(before);

    // The Health Monitor reads the setting from the Director, says why it leaves the instance alone, and asks nothing.
    await().atMost(HEALING).until(() -> healing.cloud().ok("resurrection", "explain").out().contains("skipped_stateful"));
    await().during(LEFT_ALONE).atMost(LEFT_ALONE.plusSeconds(5)).until(() -> healing.vmWithIp(counter).map(LocalVm::cid).orElse("").equals(before.cid()));
    assertThat(healing.scanAndFixTasks()).isEqualTo(tasks);
  }

  /** Until a VM has {@code ip}; a timeout shows the Resurrector's explanation. */
  private static void awaitVm(String ip) {
    await().atMost(HEALING).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(healing.vmWithIp(ip)).as(() -> healing.cloud().cli().run("resurrection", "explain").out()).isPresent());
  }

  private static String ipOf(String group) {
    return healing.cloud().ip(healing.cloud().instances(group).getFirst());
  }

  private static void awaitHealthy() {
    await().atMost(HEALING).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(healing.monitor().fleet().all()).as(() -> healing.cloud().cli().run("resurrection", "explain").out())
            .noneMatch(agent -> agent.timedOut() || agent.warmingUp() || agent.withoutVm()));
  }
}
