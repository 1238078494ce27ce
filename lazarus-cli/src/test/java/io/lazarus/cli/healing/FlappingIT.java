package io.lazarus.cli.healing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lazarus.cli.e2e.HealingCloud;
import io.lazarus.cli.e2e.LocalCloudDirector;
import io.lazarus.director.instances.Instance;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A VM whose jobs cannot start (the test holds the web job's port on the instance's address): the Resurrector
 * recreates it at most the flap limit (3 in 10 minutes here), each failed attempt alerted, then leaves it alone and
 * says it is flapping.
 */
class FlappingIT {
  @TempDir
  static Path dir;

  private static HealingCloud healing;

  @BeforeAll
  static void deploy() throws Exception {
    healing = HealingCloud.deploy(dir, "127.77.0", LocalCloudDirector.manifest(1, "1000-5000", LocalCloudDirector.web(1)), HealingCloud.RESURRECTOR_OPTIONS, "");
  }

  @AfterAll
  static void stop() {
    if (healing != null) {
      healing.close();
    }
  }

  @Test
  void aVmWhoseJobsCannotStartIsRecreatedAtMostTheFlapLimitThenLeftAloneWithAnAlert() throws Exception {
    Instance web = healing.cloud().instances("web").getFirst();
    String ip = healing.cloud().ip(web);
    healing.cloud().cloud().terminate(healing.vmWithIp(ip).orElseThrow().cid());

    try (ServerSocket squatter = new ServerSocket(8080, 1, InetAddress.getByName(ip))) {
      String flapping = "Instance web/" + web.uuid() + " is flapping";
      await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> !healing.alertsTitled(flapping).isEmpty());
      assertThat(healing.alertsTitled("Resurrection of web/" + web.uuid() + " did not bring it back")).hasSizeGreaterThanOrEqualTo(2);
      int tasks = tasks();

      await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(15)).until(() -> tasks() == tasks);
      assertThat(healing.alertsTitled(flapping)).hasSize(1);
      assertThat(squatter.isBound()).isTrue();
    }
  }

  private static int tasks() {
    return healing.cloud().director().services().database().jdbi().withHandle(handle ->
        handle.createQuery("SELECT COUNT(*) FROM tasks WHERE deployment_name = 'demo'").mapTo(Integer.class).one());
  }
}
