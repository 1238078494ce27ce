package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lazarus.cli.e2e.LocalCloudDirector;
import io.lazarus.director.instances.Instance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code restart} on a real deployment: the jobs are stopped and started again on the same VM. */
class RestartIT {
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
  void restartStartsTheWebServerAgainOnTheSameVm() throws Exception {
    Instance before = demo.instances("web").getFirst();
    String ip = demo.ip(before);
    String vmCid = demo.vm(before).orElseThrow().cid();
    await().atMost(SERVER_WAIT).until(() -> LocalCloudDirector.http("GET", ip, 8080).isPresent());
    assertThat(starts(vmCid)).isEqualTo(1);

    demo.ok("-n", "restart", "web/0");

    Instance after = demo.instances("web").getFirst();
    assertThat(after.state()).isEqualTo("started");
    assertThat(demo.vm(after).orElseThrow().cid()).isEqualTo(vmCid);
    assertThat(starts(vmCid)).as("the web server logged a second start").isEqualTo(2);
    await().atMost(SERVER_WAIT).untilAsserted(() -> assertThat(LocalCloudDirector.http("GET", ip, 8080)).hasValue("web/" + before.uuid()));
  }

  /** How often the web server said it listens, in its stdout log inside the VM. */
  private static long starts(String vmCid) throws IOException {
    Path log = dir.resolve("store/local-cloud/vms").resolve(vmCid).resolve("root/sys/log/web/web.stdout.log");
    return Files.readAllLines(log).stream().filter(line -> line.startsWith("web listening on")).count();
  }
}
