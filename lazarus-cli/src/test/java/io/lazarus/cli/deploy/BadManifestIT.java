package io.lazarus.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.cli.CliRun;
import io.lazarus.cli.e2e.LocalCloudDirector;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A manifest with mistakes is refused with every problem named, before any VM exists. */
class BadManifestIT {
  @TempDir
  static Path dir;

  private static LocalCloudDirector cloud;

  @BeforeAll
  static void start() throws Exception {
    cloud = LocalCloudDirector.start(dir, "127.72.0");
  }

  @AfterAll
  static void stop() {
    if (cloud != null) {
      cloud.close();
    }
  }

  @Test
  void aBadManifestFailsBeforeAnyVmExists() throws Exception {
    String manifest = LocalCloudDirector.demoManifest(2, 1)
        .replace("vm_type: default\n  stemcell: default\n  networks: [{name: default}]\n  jobs: [{name: web", "vm_type: huge\n  stemcell: default\n  networks: [{name: default, static_ips: [10.0.0.5, 127.72.0.11]}]\n  jobs: [{name: web")
        .replace("properties: {port: 8080}", "properties: {prot: 8080}");

    CliRun.Result deploy = cloud.deploy(manifest);

    assertThat(deploy.exitCode()).isEqualTo(1);
    assertThat(deploy.out() + deploy.err())
        .contains("vm_type 'huge'")
        .contains("10.0.0.5")
        .contains("prot");
    assertThat(cloud.cloud().vms()).isEmpty();
    assertThat(cloud.director().services().deployments().find("demo")).isEmpty();
  }

  @Test
  void aManifestThatIsNotYamlIsRefusedNamingTheLine() throws Exception {
    CliRun.Result deploy = cloud.deploy("name: demo\ninstance_groups: [\n");

    assertThat(deploy.exitCode()).isEqualTo(1);
    assertThat(deploy.err()).contains("line");
    assertThat(cloud.cloud().vms()).isEmpty();
  }
}
