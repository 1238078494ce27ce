package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.PersistentDisk;
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

  private static LocalDemo demo;

  @BeforeAll
  static void deploy() throws Exception {
    demo = LocalDemo.deploy(dir, LocalDemo.counter());
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
    String url = "http://" + demo.ip(before) + ":8081/";
    String vmCid = demo.vm(before).orElseThrow().cid();
    String diskCid = disk(before);
    await().atMost(SERVER_WAIT).until(() -> LocalDemo.http("GET", url).isPresent());
    LocalDemo.http("POST", url).orElseThrow();
    LocalDemo.http("POST", url).orElseThrow();
    assertThat(LocalDemo.http("GET", url)).hasValue("2");

    demo.succeeds("-n", "recreate", "counter");

    Instance after = demo.instances("counter").getFirst();
    assertThat(after.uuid()).isEqualTo(before.uuid());
    assertThat(after.state()).isEqualTo("started");
    assertThat(demo.vm(after).orElseThrow().cid()).isNotEqualTo(vmCid);
    assertThat(disk(after)).isEqualTo(diskCid);
    assertThat(demo.ip(after)).isEqualTo(demo.ip(before));
    await().atMost(SERVER_WAIT).untilAsserted(() -> assertThat(LocalDemo.http("GET", url)).hasValue("2"));
  }

  private static String disk(Instance instance) {
    return demo.director().services().persistentDisks().forInstance(instance.id()).stream().filter(PersistentDisk::active).findFirst().orElseThrow().cid();
  }
}
