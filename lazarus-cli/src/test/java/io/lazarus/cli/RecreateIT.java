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

/** {@code recreate} on a real deployment: a new VM for the same instance, with the same disk and its data. */
class RecreateIT {
  private static final Duration SERVER_WAIT = Duration.ofSeconds(30);

  @TempDir
  static Path dir;

  private static LocalCloudDirector demo;

  @BeforeAll
  static void deploy() throws Exception {
    demo = LocalCloudDirector.deploy(dir, "127.66.0", LocalCloudDirector.counter(1024));
  }

  @AfterAll
  static void cleanUp() throws Exception {
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void recreateGivesANewVmThatKeepsTheCountOnThePersistentDisk() {
    Instance before = demo.instances("counter").getFirst();
    String ip = demo.ip(before);
    String vmCid = demo.vm(before).orElseThrow().cid();
    String diskCid = demo.diskCid(before);
    await().atMost(SERVER_WAIT).until(() -> LocalCloudDirector.http("GET", ip, 8081).isPresent());
    LocalCloudDirector.http("POST", ip, 8081).orElseThrow();
    LocalCloudDirector.http("POST", ip, 8081).orElseThrow();
    assertThat(LocalCloudDirector.http("GET", ip, 8081)).hasValue("2");

    demo.ok("-n", "recreate", "counter");

    Instance after = demo.instances("counter").getFirst();
    assertThat(after.uuid()).isEqualTo(before.uuid());
    assertThat(after.state()).isEqualTo("started");
    assertThat(demo.vm(after).orElseThrow().cid()).isNotEqualTo(vmCid);
    assertThat(demo.diskCid(after)).isEqualTo(diskCid);
    assertThat(demo.ip(after)).isEqualTo(demo.ip(before));
    await().atMost(SERVER_WAIT).untilAsserted(() -> assertThat(LocalCloudDirector.http("GET", ip, 8081)).hasValue("2"));
  }
}
