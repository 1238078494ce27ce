package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lazarus.cli.e2e.LocalCloudDirector;
import io.lazarus.director.instances.Instance;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stop} then {@code start} on a real deployment: same instance and VM, web down while stopped, back after. */
class StopStartIT {
  private static final Duration SERVER_WAIT = Duration.ofSeconds(30);

  @TempDir
  static Path dir;

  private static LocalCloudDirector demo;

  @BeforeAll
  static void deploy() throws Exception {
    demo = LocalCloudDirector.deploy(dir, "127.66.0", LocalCloudDirector.web(1));
  }

  @AfterAll
  static void cleanUp() throws Exception {
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void stopThenStartKeepsTheInstanceAndItsVmAndBringsWebBack() throws Exception {
    Instance before = demo.instances("web").getFirst();
    String ip = demo.ip(before);
    String vmCid = demo.vm(before).orElseThrow().cid();
    await().atMost(SERVER_WAIT).until(() -> LocalCloudDirector.http("GET", ip, 8080).isPresent());

    CliRun.Result stopped = demo.ok("-n", "stop", "web/0");

    assertThat(stopped.out()).contains("Updating instance web: web/" + before.uuid() + " (0) (canary)");
    Instance afterStop = demo.instances("web").getFirst();
    assertThat(afterStop.state()).isEqualTo("stopped");
    assertThat(demo.vm(afterStop).orElseThrow().cid()).isEqualTo(vmCid);
    await().atMost(SERVER_WAIT).until(() -> LocalCloudDirector.http("GET", ip, 8080).isEmpty());

    assertThat(demo.deploy(LocalCloudDirector.manifest(LocalCloudDirector.web(1))).exitCode()).isZero();

    assertThat(demo.instances("web").getFirst().state()).as("a deploy keeps a stopped instance stopped").isEqualTo("stopped");
    assertThat(LocalCloudDirector.http("GET", ip, 8080)).isEmpty();

    demo.ok("-n", "start", "web/0");

    Instance afterStart = demo.instances("web").getFirst();
    assertThat(afterStart.uuid()).isEqualTo(before.uuid());
    assertThat(afterStart.state()).isEqualTo("started");
    assertThat(demo.vm(afterStart).orElseThrow().cid()).isEqualTo(vmCid);
    await().atMost(SERVER_WAIT).untilAsserted(() -> assertThat(LocalCloudDirector.http("GET", ip, 8080)).hasValue("web/" + before.uuid()));
  }

  @Test
  void hardStopDeletesTheVmAndStartMakesANewOneAtTheSameAddress() throws Exception {
    Instance before = demo.instances("web").getFirst();
    String ip = demo.ip(before);
    String vmCid = demo.vm(before).orElseThrow().cid();

    demo.ok("-n", "stop", "web/" + before.uuid(), "--hard");

    Instance detached = demo.instances("web").getFirst();
    assertThat(detached.state()).isEqualTo("detached");
    assertThat(demo.vm(detached)).isEmpty();
    assertThat(LocalCloudDirector.http("GET", ip, 8080)).isEmpty();

    demo.ok("-n", "start", "web");

    Instance started = demo.instances("web").getFirst();
    assertThat(started.uuid()).isEqualTo(before.uuid());
    assertThat(started.state()).isEqualTo("started");
    assertThat(demo.vm(started).orElseThrow().cid()).isNotEqualTo(vmCid);
    assertThat(demo.ip(started)).isEqualTo(ip);
    await().atMost(SERVER_WAIT).untilAsserted(() -> assertThat(LocalCloudDirector.http("GET", ip, 8080)).hasValue("web/" + before.uuid()));
  }
}
