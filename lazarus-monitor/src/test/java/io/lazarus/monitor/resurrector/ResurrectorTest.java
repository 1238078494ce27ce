package io.lazarus.monitor.resurrector;

import static io.lazarus.monitor.resurrector.ResurrectorFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lazarus.monitor.director.DirectorApi.NamedConfig;
import io.lazarus.monitor.director.DirectorApi.TaskSummary;
import io.lazarus.monitor.events.Alert;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BOSH's per-alert process (§3.2, R2–R13 of §3.4) on the fakes. */
class ResurrectorTest {
  private final ResurrectorFixture f = new ResurrectorFixture();

  private static final String SUMMARY = "deployment: 'd'; 4 of 4 agents are unhealthy (100.0%)";

  private static ResurrectorOptions minimumDown(int jobs) {
    ResurrectorOptions d = ResurrectorOptions.defaults();
    return new ResurrectorOptions(new MeltdownThresholds(jobs, 0.2, Duration.ofSeconds(600)), d.azMeltdown(), d.directorWideMeltdown(), d.backoff(),
        d.flapLimit(), d.verifyTimeout(), d.pauseAlertAfter(), d.unhealthyAlertAfter(), d.directorPollInterval());
  }

  private void disableJ1(Resurrector resurrector) {
    f.director.configs = List.of(new NamedConfig("1", "default", "rules:\n- enabled: false\n  include: {instance_groups: [j1]}\n"));
    resurrector.tick(f.clock.instant());
  }

  @Test
  void managedDeploymentRequestsOneScanAndFixForAllInstancesInGroupOrder() {
    Resurrector resurrector = f.resurrector();
    resurrector.onAlert(f.deploymentHealth());

    assertThat(f.director.scanAndFixes).containsExactly(ResurrectorFixture.allOfD());
    assertThat(List.copyOf(f.director.scanAndFixes.get(0).keySet())).containsExactly("j1", "j2");
    assertThat(f.alerts).singleElement().satisfies(alert -> {
      assertThat(alert.severity()).isEqualTo(4);
      assertThat(alert.title()).isEqualTo("Scan unresponsive VMs");
      assertThat(alert.summary()).isEqualTo("Notifying Director to scan instances: j1/i1, j1/i2, j2/i3, j2/i4; " + SUMMARY);
      assertThat(alert.source()).isEqualTo("HM plugin resurrector");
      assertThat(alert.deployment()).isEqualTo("d");
      assertThat(alert.category()).isNull();
      assertThat(alert.createdAt()).isEqualTo(START);
    });
  }

  @Test
  void r2QueuedScanAndFixMeansNoRequest() {
    f.director.tasks = List.of(new TaskSummary(1, "queued", "scan and fix", "d", null));
    f.resurrector().onAlert(f.deploymentHealth());
    assertThat(f.director.scanAndFixes).isEmpty();
    assertThat(f.alerts).isEmpty();
  }

  @Test
  void r3ProcessingScanAndFixMeansNoRequest() {
    f.director.tasks = List.of(new TaskSummary(1, "processing", "scan and fix", "d", null));
    f.resurrector().onAlert(f.deploymentHealth());
    assertThat(f.director.scanAndFixes).isEmpty();
  }

  @Test
  void r4FailingTaskListMeansNoRequestAndNoDisabledAlert() {
    Resurrector resurrector = f.resurrector();
    disableJ1(resurrector);
    f.director.tasksFail = true;
    resurrector.onAlert(f.deploymentHealth());
    assertThat(f.director.scanAndFixes).isEmpty();
    assertThat(f.alerts).isEmpty();
  }

  @Test
  void r7MeltdownRaisesOneAlertAndNoRequest() {
    f.resurrector(minimumDown(2)).onAlert(f.deploymentHealth());
    assertThat(f.director.scanAndFixes).isEmpty();
    assertThat(f.alerts).extracting(Alert::severity, Alert::title, Alert::summary, Alert::source, Alert::deployment)
        .containsExactly(tuple(1, "We are in meltdown", "Skipping resurrection for instances: j1/i1, j1/i2, j2/i3, j2/i4; " + SUMMARY, "HM plugin resurrector", "d"));
  }

  @Test
  void r8EveryGroupDisabledRaisesTheDisabledAlertOnly() {
    Resurrector resurrector = f.resurrector();
    f.director.configs = List.of(new NamedConfig("1", "default", "rules:\n- enabled: false\n  include: {deployments: [d]}\n"));
    resurrector.tick(f.clock.instant());
    resurrector.onAlert(f.deploymentHealth());
    assertThat(f.director.scanAndFixes).isEmpty();
    assertThat(f.alerts).extracting(Alert::severity, Alert::title, Alert::summary)
        .containsExactly(tuple(1, "Resurrection is disabled by resurrection config",
            "Skipping resurrection for instances: j1/i1, j1/i2, j2/i3, j2/i4; " + SUMMARY + " because of resurrection config"));
  }

  @Test
  void r9PartlyDisabledRequestsTheEnabledGroupAndReportsTheOther() {
    Resurrector resurrector = f.resurrector();
    disableJ1(resurrector);
    resurrector.onAlert(f.deploymentHealth());
    assertThat(f.director.scanAndFixes).containsExactly(Map.of("j2", List.of("i3", "i4")));
    assertThat(f.alerts).extracting(Alert::severity, Alert::title, Alert::summary)
        .containsExactly(
            tuple(4, "Scan unresponsive VMs", "Notifying Director to scan instances: j2/i3, j2/i4; " + SUMMARY),
            tuple(1, "Resurrection is disabled by resurrection config", "Skipping resurrection for instances: j1/i1, j1/i2; " + SUMMARY + " because of resurrection config"));
  }

  @Test
  void r10AlertsWithoutCategoryDeploymentOrInstancesAreIgnored() {
    Resurrector resurrector = f.resurrector();
    resurrector.onAlert(new Alert("1", 2, null, "t", null, "s", "d", null, null, START, ResurrectorFixture.allOfD()));
    resurrector.onAlert(new Alert("2", 2, Alert.DEPLOYMENT_HEALTH, "t", null, "s", null, null, null, START, ResurrectorFixture.allOfD()));
    resurrector.onAlert(new Alert("3", 2, Alert.DEPLOYMENT_HEALTH, "t", null, "s", "d", null, null, START, Map.of()));
    assertThat(f.director.scanAndFixes).isEmpty();
    assertThat(f.director.infoCalls).isZero();
  }

  @Test
  void r11VmHealthAlertsAreIgnored() {
    f.resurrector().onAlert(new Alert("1", 2, Alert.VM_HEALTH, "agent-i1 has timed out", null, "s", "d", "j1", "i1", START, Map.of()));
    assertThat(f.director.scanAndFixes).isEmpty();
  }

  @Test
  void r12DirectorWithoutInfoGetsNoRequestButTheAlertIsRecorded() {
    f.director.infoFailures = 1;
    Resurrector resurrector = f.resurrector();
    resurrector.onAlert(f.deploymentHealth());
    assertThat(f.director.scanAndFixes).isEmpty();
    assertThat(resurrector.state().tracker().lastAlert(new JobInstanceKey("d", "j1", "i1"))).contains(START);
  }

  @Test
  void r13InfoFailingThenAnsweringSendsOnceAndIsMemoized() {
    f.director.infoFailures = 1;
    Resurrector resurrector = f.resurrector();
    resurrector.onAlert(f.deploymentHealth());
    resurrector.onAlert(f.deploymentHealth());
    assertThat(f.director.scanAndFixes).hasSize(1);
    f.clock.advance(Duration.ofHours(1));
    resurrector.onAlert(f.deploymentHealth());
    assertThat(f.director.infoCalls).isEqualTo(2);
  }

  @Test
  void normalStateDoesNothing() {
    Resurrector resurrector = f.resurrector();
    resurrector.onAlert(new Alert("1", Alert.ERROR, Alert.DEPLOYMENT_HEALTH, "t", null, "d", "d", null, null, START, ResurrectorFixture.allOfD()));
    assertThat(f.director.scanAndFixes).isEmpty();
    assertThat(f.alerts).isEmpty();
  }
}
