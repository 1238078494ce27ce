package io.lazarus.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.cli.CliRun;
import io.lazarus.cli.e2e.LocalCloudDirector;
import io.lazarus.director.Director;
import io.lazarus.director.instances.Instance;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Twenty web instances, ten at a time, all end up answering on their own addresses. */
class TwentyInstancesIT {
  @TempDir
  static Path dir;

  private static LocalCloudDirector cloud;

  @BeforeAll
  static void start() throws Exception {
    cloud = LocalCloudDirector.start(dir, "127.73.0");
  }

  @AfterAll
  static void stop() {
    if (cloud != null) {
      cloud.close();
    }
  }

  @Test
  void deploysTwentyInstancesTenInFlight() throws Exception {
    CliRun.Result deploy = cloud.deploy(LocalCloudDirector.demoManifest(20, 10));

    assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isZero();
    Director.DirectorServices services = cloud.director().services();
    long deployment = services.deployments().find("demo").orElseThrow().id();
    int web = 0;
    for (Instance instance : services.instances().list(deployment)) {
      if (instance.group().equals("web")) {
        String ip = services.ipAddresses().forInstance(instance.id()).getFirst().address();
        assertThat(LocalCloudDirector.http("GET", ip, 8080)).hasValue(instance.name());
        web++;
      }
    }
    assertThat(web).isEqualTo(20);
    assertThat(cloud.cloud().vms()).hasSize(21);
  }
}
